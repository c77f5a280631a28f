/**
 * Money, percentages and grouped figures as every Infracrew text shows them: Atlas, Forge, Sentinel, the
 * renderers and the CLI all format through here, so one amount reads the same wherever it appears.
 */

/** `1234567` → `1,234,567`, without the cost of starting ICU's number formatting. */
export function groupThousands(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * US dollars as every Infracrew text shows them: `$1,485.28`, `$96.40` and `$5.00` to the cent, whole dollars
 * (`$1,400`) from $100 up when there are no cents; negative amounts as `-$560.64`.
 */
export function formatUsd(usd: number): string {
  const cents = Math.round(Math.abs(usd) * 100 + Number.EPSILON * 100);
  const sign = usd < 0 && cents > 0 ? "-" : "";
  const dollars = `${sign}$${groupThousands(Math.floor(cents / 100))}`;
  return cents >= 10_000 && cents % 100 === 0
    ? dollars
    : `${dollars}.${String(cents % 100).padStart(2, "0")}`;
}

/** `+$96.40` or `-$560.64`: a change in cost. */
export function formatUsdChange(usd: number): string {
  const text = formatUsd(usd);
  return text.startsWith("-") || text === "$0.00" ? text : `+${text}`;
}

/** `80 %`, `32.1 %`: a ratio as a percentage, cut (not rounded) to one decimal, so it never overstates. */
export function formatPercent(ratio: number): string {
  const tenths = Math.floor(ratio * 1000 + 1e-9);
  const whole = groupThousands(Math.trunc(tenths / 10));
  const sign = tenths < 0 && whole[0] !== "-" ? "-" : "";
  return `${sign}${whole}${tenths % 10 === 0 ? "" : `.${Math.abs(tenths % 10)}`} %`;
}
