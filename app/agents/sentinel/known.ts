/** A value from a plan or from HCL that Sentinel either knows, or knows it cannot see (and why). */
export type Known<T> =
  { readonly known: true; readonly value: T } | { readonly known: false; readonly why: string };

export function known<T>(value: T): Known<T> {
  return { known: true, value };
}

export function unknown<T = never>(why: string): Known<T> {
  return { known: false, why };
}
