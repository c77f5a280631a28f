/**
 * Regenerates a raw provider resource's (data source's, ephemeral resource's) argument data for Forge from the AWS
 * provider's schema, as the prebuilt CDK Terrain bindings publish it (npm `@cdktn/provider-aws`, generated from one
 * exact provider release):
 *
 *   tsx scripts/vendor-resource-schema.ts <package>/lib/<name> --type <aws_x> --kind resource|data|ephemeral
 *     --provider <version> --out <json>
 *
 * `<package>/lib/<name>/index.d.ts` holds one config interface per block: each property's JSDoc links the provider's
 * registry page with the Terraform name as the anchor (`…/docs/resources/kinesis_stream#shard_count`), and an
 * optional property is one the schema does not require. A property typed by another interface of the file is a
 * nested block. `index.js` holds the resource class, whose getters name every attribute it exports
 * (`this.getStringAttribute('arn')`). See app/agents/forge/resources/README.md.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ResourceArgument, ResourceInterface } from "../app/agents/forge/interfaces/interface-data.js";
import { parseVendorArgs, runScript, writeJsonData } from "./vendor-support.js";

interface Property {
  readonly name: string;
  readonly required: boolean;
  /** The interface this property's type names, when it is a nested block. */
  readonly block?: string;
}

const INTERFACE = /^export interface (\w+)(?: extends [\w.]+)? \{$/;
const PROPERTY = /^\s+readonly (\w+)(\?)?: ([^;]+);?$/;
const ANCHOR = /#([a-z0-9_]+) \w+#[a-z0-9_]+\}/;

/** Every config interface of the bindings, with its properties' Terraform names. */
export function readInterfaces(dts: string): Map<string, Property[]> {
  const interfaces = new Map<string, Property[]>();
  let current: Property[] | undefined;
  let anchor: string | undefined;
  for (const line of dts.split("\n")) {
    const open = INTERFACE.exec(line);
    if (open) {
      interfaces.set(open[1]!, (current = []));
      anchor = undefined;
      continue;
    }
    if (line === "}") {
      current = undefined;
      continue;
    }
    if (!current) continue;
    const link = ANCHOR.exec(line);
    if (link) anchor = link[1];
    const property = PROPERTY.exec(line);
    if (property && anchor) {
      const type = property[3]!
        .replace(/\[\]/g, "")
        .replace(/\s*\|\s*cdktn\.IResolvable/g, "")
        .trim();
      current.push({
        name: anchor,
        required: property[2] !== "?",
        block: /^\w+$/.test(type) ? type : undefined,
      });
      anchor = undefined;
    }
  }
  return interfaces;
}

/** The attributes the resource class exports: the names its getters read. */
export function readAttributes(js: string, className: string): string[] {
  const start = js.indexOf(`class ${className} extends cdktn.Terraform`);
  if (start < 0) throw new Error(`no class ${className} in index.js`);
  const body = js.slice(start);
  const names = [...body.matchAll(/(?:get\w*Attribute|interpolationForAttribute)\('([a-z0-9_]+)'\)/g)].map(
    (m) => m[1]!,
  );
  return [...new Set(names)].sort();
}

function toArgs(properties: readonly Property[]): ResourceArgument[] {
  return properties
    .map((p) => ({ name: p.name, required: p.required }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

export function readSchema(
  dts: string,
  js: string,
): Pick<ResourceInterface, "args" | "blocks" | "attributes"> {
  const interfaces = readInterfaces(dts);
  const className = /^export declare class (\w+) extends cdktn\.Terraform\w+ \{$/m.exec(dts)?.[1];
  if (!className) throw new Error("index.d.ts declares no resource class");
  const top = interfaces.get(`${className}Config`);
  if (!top) throw new Error(`index.d.ts has no ${className}Config`);
  const blocks: Record<string, ResourceArgument[]> = {};
  const visit = (properties: readonly Property[]): void => {
    for (const p of properties) {
      const nested = p.block ? interfaces.get(p.block) : undefined;
      if (!nested || p.name === "timeouts") continue;
      const known = new Map((blocks[p.name] ?? []).map((a) => [a.name, a]));
      for (const a of toArgs(nested)) known.set(a.name, a);
      blocks[p.name] = [...known.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
      visit(nested);
    }
  };
  visit(top);
  return {
    args: toArgs(top),
    blocks: Object.fromEntries(Object.entries(blocks).sort(([a], [b]) => (a < b ? -1 : 1))),
    attributes: readAttributes(js, className),
  };
}

async function main(): Promise<void> {
  const args = parseVendorArgs(process.argv.slice(2));
  if (args.files.length !== 1) throw new Error("name exactly one bindings directory (<package>/lib/<name>)");
  const kind = args.need("kind");
  if (kind !== "resource" && kind !== "data" && kind !== "ephemeral")
    throw new Error("--kind must be resource, data or ephemeral");
  const type = args.need("type");
  const provider = args.need("provider");
  const dir = args.files[0]!;
  const section = { resource: "resources", data: "data-sources", ephemeral: "ephemeral-resources" }[kind];
  const data: ResourceInterface = {
    type,
    kind,
    doc: `https://registry.terraform.io/providers/hashicorp/aws/${provider}/docs/${section}/${type.replace(/^aws_/, "")}`,
    provider,
    ...readSchema(
      await readFile(path.join(dir, "index.d.ts"), "utf8"),
      await readFile(path.join(dir, "index.js"), "utf8"),
    ),
  };
  const out = args.need("out");
  await writeJsonData(out, data);
  console.log(`${out}: ${data.args.length} arguments, ${Object.keys(data.blocks).length} blocks`);
}

if (process.argv[1]?.endsWith("vendor-resource-schema.ts")) runScript("vendor-resource-schema", main);
