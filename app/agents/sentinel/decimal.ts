/** A finite number as the exact decimal it prints as: `digits × 10^-scale`. */
interface Decimal {
  readonly digits: bigint;
  readonly scale: number;
}

function toDecimal(n: number): Decimal {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(n));
  if (!match) throw new Error(`cannot read ${n} as a decimal`);
  const [, sign, whole, fraction = "", exponent = "0"] = match;
  let digits = BigInt(`${sign}${whole}${fraction}`);
  let scale = fraction.length - Number(exponent);
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits, scale };
}

/**
 * Compares `a` with `b × c` exactly, in the decimals the numbers are written as, so that 210 against
 * 0.7 × 300 is equal (floating point says 0.7 × 300 = 210.00000000000003). Returns -1, 0 or 1.
 */
export function compareWithProduct(a: number, b: number, c: number): -1 | 0 | 1 {
  const x = toDecimal(a);
  const y = toDecimal(b);
  const z = toDecimal(c);
  const productScale = y.scale + z.scale;
  const scale = Math.max(x.scale, productScale);
  const left = x.digits * 10n ** BigInt(scale - x.scale);
  const right = y.digits * z.digits * 10n ** BigInt(scale - productScale);
  return left < right ? -1 : left > right ? 1 : 0;
}
