/**
 * Escaping for HCL quoted strings. Goal text reaches Terraform only through here, so whatever it holds comes
 * back as the same string value and never as syntax: no interpolation, no directive, no new line, no comment.
 */

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  '"': '\\"',
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

/**
 * Scanner suppression markers (Checkov matches `checkov:skip=` anywhere on a line, even inside a string; Trivy and
 * tfsec read `trivy:ignore` and `tfsec:ignore`). Their colon is written as `\u003A`, which leaves the value as it
 * was but keeps the marker off the line, so goal text cannot switch a scanner off.
 */
const SCANNER_MARKER = /(checkov|bridgecrew|cortex)(:)(?=skip=)|(trivy|tfsec)(:)(?=ignore)/gi;

function unicodeEscape(codePoint: number): string {
  return codePoint > 0xffff
    ? `\\U${codePoint.toString(16).toUpperCase().padStart(8, "0")}`
    : `\\u${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Is this code point one HCL would take as a line break or a control, or one that reads as invisible? */
function needsUnicodeEscape(codePoint: number): boolean {
  return (
    codePoint < 0x20 ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    codePoint === 0x2028 ||
    codePoint === 0x2029 ||
    codePoint === 0xfeff ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2066 && codePoint <= 0x2069)
  );
}

/** The body of an HCL quoted string (without the quotes) whose value is exactly `value`. */
export function escapeHclString(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    const code = value.codePointAt(i)!;
    if (SIMPLE_ESCAPES[c] !== undefined) {
      out += SIMPLE_ESCAPES[c];
    } else if ((c === "$" || c === "%") && value[i + 1] === "{") {
      // `${` and `%{` open an interpolation or a directive; doubled, they are the literal text.
      out += c + c;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      // A lone surrogate cannot be written as UTF-8; it becomes the replacement character, as any encoder does.
      out += "\uFFFD";
    } else if (needsUnicodeEscape(code)) {
      out += unicodeEscape(code);
    } else {
      const char = String.fromCodePoint(code);
      out += char;
      i += char.length - 1;
    }
  }
  return out.replace(SCANNER_MARKER, (_m, a?: string, _c1?: string, b?: string) => `${a ?? b}\\u003A`);
}

/** A complete HCL quoted string literal. */
export function hclString(value: string): string {
  return `"${escapeHclString(value)}"`;
}
