/**
 * Regenerates a raw provider resource's (or data source's) argument data for Forge from its documentation page:
 *
 *   tsx scripts/vendor-resource-interfaces.ts <page.html.markdown> --type <aws_x> --kind resource|data --out <json>
 *     [--doc <path in hashicorp/terraform-provider-aws>] [--commit <sha>]
 *
 * The page is the provider's `website/docs/r/<name>.html.markdown` (or `d/` for a data source). Its argument
 * reference lists the top-level arguments; each `### \`<block>\` Block` section lists a nested block's. Arguments
 * marked "(Required)" are required. See app/agents/forge/resources/README.md.
 */
import { readFile } from "node:fs/promises";
import type { ResourceArgument, ResourceInterface } from "../app/agents/forge/interfaces/interface-data.js";
import { parseVendorArgs, runScript, writeJsonData } from "./vendor-support.js";

const ARGUMENT = /^\*\s+`([a-z0-9_]+)`\s*[-:]?\s*(.*)$/;
const BLOCK_HEADING = /^###\s+(?:RateLimit\s+)?`?([a-z0-9_]+)`?\s+(?:Configuration\s+)?Block\b/i;

/** Reads the argument lists of a provider documentation page. */
export function readDocPage(markdown: string): Pick<ResourceInterface, "args" | "blocks" | "attributes"> {
  const top: ResourceArgument[] = [];
  const blocks: Record<string, ResourceArgument[]> = {};
  const attributes: string[] = [];
  let section: ResourceArgument[] | undefined;
  let inAttributes = false;
  for (const line of markdown.split("\n")) {
    if (/^##\s+Argument Reference/i.test(line)) {
      section = top;
      inAttributes = false;
    } else if (/^##\s+Attributes? Reference/i.test(line)) {
      section = undefined;
      inAttributes = true;
    } else if (/^##\s/.test(line)) {
      section = undefined;
      inAttributes = false;
    } else if (BLOCK_HEADING.test(line) && !inAttributes) {
      section = blocks[BLOCK_HEADING.exec(line)![1]!] ??= [];
    } else {
      const match = ARGUMENT.exec(line);
      if (!match) continue;
      if (inAttributes) attributes.push(match[1]!);
      else section?.push({ name: match[1]!, required: /^\(Required\b/.test(match[2]!) });
    }
  }
  const byName = (a: ResourceArgument, b: ResourceArgument): number => (a.name < b.name ? -1 : 1);
  return {
    args: top.sort(byName),
    blocks: Object.fromEntries(
      Object.entries(blocks)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, args]) => [name, args.sort(byName)]),
    ),
    attributes: [...new Set(attributes)].sort(),
  };
}

async function main(): Promise<void> {
  const args = parseVendorArgs(process.argv.slice(2));
  if (args.files.length !== 1) throw new Error("name exactly one documentation page");
  const kind = args.need("kind");
  if (kind !== "resource" && kind !== "data") throw new Error("--kind must be resource or data");
  const type = args.need("type");
  const commit = args.flags.get("commit");
  const data: ResourceInterface = {
    type,
    kind,
    doc:
      args.flags.get("doc") ??
      `website/docs/${kind === "data" ? "d" : "r"}/${type.replace(/^aws_/, "")}.html.markdown`,
    ...(commit ? { commit } : {}),
    ...readDocPage(await readFile(args.files[0]!, "utf8")),
  };
  const out = args.need("out");
  await writeJsonData(out, data);
  console.log(`${out}: ${data.args.length} arguments, ${Object.keys(data.blocks).length} blocks`);
}

if (process.argv[1]?.endsWith("vendor-resource-interfaces.ts")) runScript("vendor-resource-interfaces", main);
