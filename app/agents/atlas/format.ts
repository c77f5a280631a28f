/** Rounds to cents. */
export function cents(usd: number): number {
  return Math.round(usd * 100) / 100;
}

/** Thousands separators, by hand: Intl formatting costs tens of microseconds a call. */
function grouped(integer: number): string {
  return String(Math.abs(integer)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** `$1,265`, `$400` or `$12.40`: whole dollars from $1,000 up and for whole amounts, cents otherwise. */
export function usd(amount: number): string {
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  if (abs >= 1000 || Number.isInteger(abs)) return `${sign}$${grouped(Math.round(abs))}`;
  return `${sign}$${abs.toFixed(2)}`;
}

/** A unit price as written on AWS's pages: `$0.04048`, `$0.8`, `$5`. */
export function price(amount: number): string {
  return `$${Number(amount.toPrecision(6)).toString()}`;
}

/** A figure with thousands separators and at most `digits` decimals. */
export function num(value: number, digits = 2): string {
  const rounded = Number(value.toFixed(digits));
  const [whole, fraction] = String(Math.abs(rounded)).split(".");
  return `${rounded < 0 ? "-" : ""}${grouped(Number(whole))}${fraction ? `.${fraction}` : ""}`;
}

/** A percentage floored to 4 decimals, so a reported composite never rounds up past its target. */
export function floorPercent(value: number): number {
  return Math.floor(value * 10000 + 1e-6) / 10000;
}

export function pct(value: number): string {
  return `${num(value, 4)} %`;
}
