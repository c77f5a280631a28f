/** A timestamp as every artifact and state record writes it: ISO-8601 to the second. */
export function iso(value: Date | string): string {
  return new Date(value).toISOString().replace(/\.\d{3}Z$/, "Z");
}
