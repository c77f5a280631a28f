import { parse } from "@cdktf/hcl2json";

/** Parses HCL with HashiCorp's parser (@cdktf/hcl2json); throws with the parser's diagnostics when it is invalid. */
export async function parseHcl(file: string, text: string): Promise<Record<string, unknown>> {
  return (await parse(file, text)) as Record<string, unknown>;
}

/**
 * hcl2json writes a string as a Terraform JSON template: a literal `${` or `%{` is doubled (`$${`, `%%{`), and a
 * real interpolation or directive is left as `${…}` or `%{…}`. This returns the literal value, and throws when the
 * string holds an interpolation or a directive, i.e. when it is not a plain literal.
 */
export function literalValue(template: string): string {
  let out = "";
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if ((c === "$" || c === "%") && template[i + 1] === c && template[i + 2] === "{") {
      out += `${c}{`;
      i += 2;
    } else if ((c === "$" || c === "%") && template[i + 1] === "{") {
      throw new Error(
        `not a literal: ${JSON.stringify(template)} holds an interpolation or directive at ${i}`,
      );
    } else {
      out += c;
    }
  }
  return out;
}
