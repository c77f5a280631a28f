/**
 * Terraform type constraints (`string`, `map(object({ a = optional(number, 1) }))`, …) as data, so a module
 * call can be checked attribute by attribute, nested objects included.
 */
export type TerraformType =
  | { readonly kind: "primitive"; readonly name: "string" | "number" | "bool" | "any" }
  | { readonly kind: "list" | "set" | "map"; readonly element: TerraformType }
  | { readonly kind: "tuple"; readonly elements: readonly TerraformType[] }
  | { readonly kind: "object"; readonly attributes: Readonly<Record<string, ObjectAttribute>> };

export interface ObjectAttribute {
  readonly type: TerraformType;
  readonly optional: boolean;
  /** The default of `optional(T, default)`, as source text. */
  readonly default?: string;
}

interface Token {
  readonly text: string;
  readonly newline: boolean;
}

const PUNCTUATION = new Set([
  "(",
  ")",
  "{",
  "}",
  "[",
  "]",
  "=",
  ",",
  ":",
  "?",
  ".",
  "*",
  "-",
  "+",
  "!",
  "<",
  ">",
]);

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let newline = false;
  const push = (text: string): void => {
    tokens.push({ text, newline });
    newline = false;
  };
  while (i < source.length) {
    const c = source[i]!;
    if (c === "\n") {
      newline = true;
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === "#" || (c === "/" && source[i + 1] === "/")) {
      while (i < source.length && source[i] !== "\n") i++;
    } else if (c === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (c === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== '"') j += source[j] === "\\" ? 2 : 1;
      push(source.slice(i, j + 1));
      i = j + 1;
    } else if (/[A-Za-z0-9_]/.test(c)) {
      let j = i;
      while (j < source.length && /[A-Za-z0-9_.-]/.test(source[j]!)) j++;
      push(source.slice(i, j));
      i = j;
    } else if (PUNCTUATION.has(c)) {
      push(c);
      i++;
    } else {
      throw new Error(`unexpected character ${JSON.stringify(c)} in type ${JSON.stringify(source)}`);
    }
  }
  return tokens;
}

const OPENERS: Record<string, string> = { "(": ")", "{": "}", "[": "]" };

class Parser {
  private position = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly source: string,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(): Token {
    const token = this.tokens[this.position++];
    if (!token) throw this.error("unexpected end");
    return token;
  }

  private expect(text: string): void {
    const token = this.next();
    if (token.text !== text) throw this.error(`expected ${text}, found ${token.text}`);
  }

  private error(message: string): Error {
    return new Error(`${message} in type ${JSON.stringify(this.source)}`);
  }

  parseAll(): TerraformType {
    const type = this.parseType();
    if (this.position !== this.tokens.length) throw this.error(`unexpected ${this.peek()!.text}`);
    return type;
  }

  parseType(): TerraformType {
    const name = this.next().text;
    switch (name) {
      case "string":
      case "number":
      case "bool":
      case "any":
        return { kind: "primitive", name };
      case "list":
      case "set":
      case "map": {
        this.expect("(");
        const element = this.parseType();
        this.expect(")");
        return { kind: name, element };
      }
      case "tuple": {
        this.expect("(");
        this.expect("[");
        const elements: TerraformType[] = [];
        while (this.peek()?.text !== "]") {
          elements.push(this.parseType());
          if (this.peek()?.text === ",") this.next();
        }
        this.expect("]");
        this.expect(")");
        return { kind: "tuple", elements };
      }
      case "object":
        return this.parseObject();
      default:
        throw this.error(`unknown type ${name}`);
    }
  }

  private parseObject(): TerraformType {
    this.expect("(");
    this.expect("{");
    const attributes: Record<string, ObjectAttribute> = {};
    while (this.peek()?.text !== "}") {
      const key = this.next().text.replace(/^"(.*)"$/, "$1");
      this.expect("=");
      attributes[key] = this.parseAttribute();
      if (this.peek()?.text === ",") this.next();
    }
    this.expect("}");
    this.expect(")");
    return { kind: "object", attributes };
  }

  private parseAttribute(): ObjectAttribute {
    if (this.peek()?.text !== "optional") return { type: this.parseType(), optional: false };
    this.next();
    this.expect("(");
    const type = this.parseType();
    let fallback: string | undefined;
    if (this.peek()?.text === ",") {
      this.next();
      fallback = this.skipExpression();
    }
    this.expect(")");
    return fallback === undefined ? { type, optional: true } : { type, optional: true, default: fallback };
  }

  /** Skips a default value expression up to the `)` that closes `optional(`, and returns its text. */
  private skipExpression(): string {
    const closers: string[] = [];
    const tokens: Token[] = [];
    while (this.position < this.tokens.length) {
      const token = this.peek()!;
      if (closers.length === 0 && token.text === ")") break;
      this.next();
      if (OPENERS[token.text]) closers.push(OPENERS[token.text]!);
      else if (token.text === closers[closers.length - 1]) closers.pop();
      tokens.push(token);
    }
    return joinExpression(tokens);
  }
}

/** Writes an expression's tokens on one line; a line break between two items becomes a comma. */
function joinExpression(tokens: readonly Token[]): string {
  let out = "";
  let previous = "";
  for (const { text, newline } of tokens) {
    if (out !== "") {
      const opensOrSeparates = ["{", "[", "(", ","].includes(previous);
      const closes = ["}", "]", ")"].includes(text);
      if (newline && !opensOrSeparates && !closes) out += ", ";
      else if (previous === "(" || previous === "[" || text === ")" || text === "]" || text === ",")
        out += "";
      else out += " ";
    }
    out += text;
    previous = text;
  }
  return out.replace(/\{ \}/g, "{}");
}

/** Parses a type constraint as written in a variable block. Throws on a malformed one (an internal error). */
export function parseTerraformType(source: string): TerraformType {
  return new Parser(tokenize(source), source).parseAll();
}

/** The canonical one-line text of a type, e.g. `map(object({ name = string, port = optional(number, 80) }))`. */
export function formatTerraformType(type: TerraformType): string {
  switch (type.kind) {
    case "primitive":
      return type.name;
    case "list":
    case "set":
    case "map":
      return `${type.kind}(${formatTerraformType(type.element)})`;
    case "tuple":
      return `tuple([${type.elements.map(formatTerraformType).join(", ")}])`;
    case "object": {
      const entries = Object.entries(type.attributes).map(([key, attribute]) => {
        const inner = formatTerraformType(attribute.type);
        if (!attribute.optional) return `${key} = ${inner}`;
        return `${key} = optional(${inner}${attribute.default !== undefined ? `, ${attribute.default}` : ""})`;
      });
      return entries.length === 0 ? "object({})" : `object({ ${entries.join(", ")} })`;
    }
  }
}
