/**
 * Safe names for resources, branches and paths, made from any text. Forge, Atlas and the Conductor share these so
 * that a goal's name means the same stack, branch and directory everywhere.
 */

const DEFAULT_MAX_LENGTH = 40;

/**
 * Turns any text into a name of lowercase ASCII letters, digits and single dashes that starts with a letter and
 * does not end with a dash, at most `maxLength` characters (default 40, as the contracts' `name` allows). Accents
 * are dropped, everything else becomes a dash. The same text always gives the same name; text with nothing usable
 * gives "unnamed", and a name shorter than 3 is padded with zeros. Safe as a path segment, a git branch component and an AWS resource name prefix.
 */
export function sanitizeName(text: string, maxLength: number = DEFAULT_MAX_LENGTH): string {
  if (!Number.isInteger(maxLength) || maxLength < 3)
    throw new Error(`internal: maxLength ${maxLength} is below 3`);
  const ascii = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^[^a-z]+/, "");
  const name = ascii.slice(0, maxLength).replace(/-+$/, "");
  if (name.length === 0) return "unnamed";
  return name.padEnd(3, "0");
}

/**
 * A Terraform label (module, resource or output name) for a component id: lowercase letters, digits and
 * underscores, starting with a letter; dashes and anything else become underscores.
 */
export function terraformLabel(id: string): string {
  const label = id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return /^[a-z]/.test(label) ? label : `c_${label}`;
}

/** Does `segment` stay where it is put when joined into a path: no separators, no dot-only names, nothing odd? */
export function isSafePathSegment(segment: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(segment) && !/^\.+$/.test(segment) && segment.length <= 255;
}

/**
 * Joins a relative directory of safe segments and a file name, refusing anything that could leave the directory
 * (`..`, absolute paths, backslashes, empty segments). Internal callers pass validated input; this is the backstop.
 */
export function joinSafePath(dir: string, file: string): string {
  const segments = [...dir.split("/"), ...file.split("/")];
  for (const segment of segments) {
    if (!isSafePathSegment(segment))
      throw new Error(`internal: unsafe path segment ${JSON.stringify(segment)}`);
  }
  return segments.join("/");
}
