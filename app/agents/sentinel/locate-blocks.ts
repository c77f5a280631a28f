import type { SourceLocation } from "./resources.js";
import { withoutInstanceKeys } from "./terraform-address.js";

/** A Terraform file: its path relative to the repository root, and its text. */
export interface TerraformFile {
  readonly path: string;
  readonly text: string;
}

export interface BlockLocation extends SourceLocation {
  readonly kind: "resource" | "data" | "module" | "provider";
  readonly labels: readonly string[];
  /** A provider block's `alias`. */
  readonly alias?: string;
}

const HEADER = /^[ \t]*(resource|data|module|provider)((?:[ \t]+"[^"\n]*")+)[ \t]*\{/gm;

/** The index just past the brace that closes the one at `open`, skipping strings, comments and heredocs. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"' && text[i] !== "\n"; i++) if (text[i] === "\\") i++;
    } else if (c === "#" || (c === "/" && text[i + 1] === "/")) {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === "<" && text[i + 1] === "<") {
      const heredoc = /^<<-?([A-Za-z_][A-Za-z0-9_]*)\r?\n/.exec(text.slice(i, i + 80));
      if (heredoc) {
        const end = new RegExp(`^[ \\t]*${heredoc[1]}[ \\t]*$`, "m");
        const rest = text.slice(i + heredoc[0].length);
        const found = end.exec(rest);
        i = found ? i + heredoc[0].length + found.index + found[0].length - 1 : text.length;
      }
    } else if (c === "{") {
      depth++;
    } else if (c === "}") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

function lineAt(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Every top-level resource, data, module and provider block in a file, with its first and last line. */
export function findBlocks(file: TerraformFile): BlockLocation[] {
  const { text } = file;
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const blocks: BlockLocation[] = [];
  HEADER.lastIndex = 0;
  for (let match = HEADER.exec(text); match; match = HEADER.exec(text)) {
    const open = match.index + match[0].length - 1;
    const close = closingBrace(text, open);
    const alias =
      match[1] === "provider" ? /^[ \t]*alias[ \t]*=[ \t]*"([^"\n]+)"/m.exec(text.slice(open, close)) : null;
    blocks.push({
      kind: match[1] as BlockLocation["kind"],
      labels: [...match[2]!.matchAll(/"([^"\n]*)"/g)].map((m) => m[1]!),
      file: file.path,
      line: lineAt(lineStarts, match.index + match[0].length - match[0].trimStart().length),
      endLine: lineAt(lineStarts, close - 1),
      ...(alias ? { alias: alias[1] } : {}),
    });
    HEADER.lastIndex = close;
  }
  return blocks;
}

/** Finds where a plan's resources and providers are written, by address, in the root module's files. */
export class BlockIndex {
  private readonly resources = new Map<string, BlockLocation>();
  private readonly modules = new Map<string, BlockLocation>();
  private readonly providers = new Map<string, BlockLocation>();

  constructor(files: readonly TerraformFile[]) {
    for (const file of files) {
      for (const block of findBlocks(file)) {
        const [a = "", b = ""] = block.labels;
        if (block.kind === "resource") this.resources.set(`${a}.${b}`, block);
        else if (block.kind === "data") this.resources.set(`data.${a}.${b}`, block);
        else if (block.kind === "module") this.modules.set(a, block);
        else this.providers.set(block.alias ? `${a}.${block.alias}` : a, block);
      }
    }
  }

  /** A root resource's block; a module's resource is placed at the module block that creates it. */
  resource(address: string): SourceLocation | undefined {
    const bare = withoutInstanceKeys(address);
    const module = /^module\.([A-Za-z0-9_-]+)\./.exec(bare);
    const block = module ? this.modules.get(module[1]!) : this.resources.get(bare);
    return block ? { file: block.file, line: block.line, endLine: block.endLine } : undefined;
  }

  module(name: string): SourceLocation | undefined {
    return this.modules.get(name);
  }

  /** A provider configuration's block, by its key: `aws`, or `aws.<alias>`. */
  provider(key: string): SourceLocation | undefined {
    return this.providers.get(key);
  }
}

/** The files of a stack Sentinel reads: `*.tf`, and the variable files Terraform loads by itself. */
export function isTerraformFileName(name: string): boolean {
  return /(\.tf|^terraform\.tfvars|\.auto\.tfvars)$/.test(name);
}
