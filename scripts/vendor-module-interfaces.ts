/**
 * Regenerates a pinned Terraform module's interface data for Forge from the module's own HCL:
 *
 *   tsx scripts/vendor-module-interfaces.ts <file.tf…> --source <registry source> --version <v> --out <json>
 *     [--commit <sha>]
 *
 * Pass the module's variables.tf, and optionally its outputs.tf and versions.tf, read at the pinned tag (e.g.
 * `git show v6.6.0:variables.tf > /tmp/vpc-variables.tf`). Each file is parsed with @cdktf/hcl2json (HashiCorp's
 * HCL parser). The JSON records every input variable (name, type, required = no default), every output name, and
 * the Terraform and provider constraints the module declares. See app/agents/forge/modules/README.md.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "@cdktf/hcl2json";
import type { ModuleInterface, ModuleVariable } from "../app/agents/forge/interfaces/interface-data.js";
import { formatTerraformType, parseTerraformType } from "../app/agents/forge/interfaces/terraform-type.js";
import { parseVendorArgs, runScript, writeJsonData } from "./vendor-support.js";

/** hcl2json writes an expression as "${…}"; the type is kept in its canonical one-line form. */
function typeText(value: unknown): string {
  if (typeof value !== "string") return "any";
  const inner = value.startsWith("${") && value.endsWith("}") ? value.slice(2, -1) : value;
  return formatTerraformType(parseTerraformType(inner));
}

type Blocks = Record<string, Record<string, unknown>[]>;

interface ParsedFile {
  variable?: Blocks;
  output?: Blocks;
  terraform?: { required_version?: string; required_providers?: Record<string, { version?: string }>[] }[];
}

async function main(): Promise<void> {
  const args = parseVendorArgs(process.argv.slice(2));
  if (args.files.length === 0) throw new Error("name at least one .tf file (the module's variables.tf)");
  const variables = new Map<string, ModuleVariable>();
  const outputs = new Set<string>();
  const providers: Record<string, string> = {};
  let requiredVersion: string | undefined;
  for (const file of args.files) {
    const body = (await parse(path.basename(file), await readFile(file, "utf8"))) as ParsedFile;
    for (const [name, [block]] of Object.entries(body.variable ?? {})) {
      variables.set(name, { name, type: typeText(block?.type), required: !("default" in (block ?? {})) });
    }
    for (const name of Object.keys(body.output ?? {})) outputs.add(name);
    for (const terraform of body.terraform ?? []) {
      requiredVersion = terraform.required_version ?? requiredVersion;
      for (const group of terraform.required_providers ?? []) {
        for (const [name, spec] of Object.entries(group)) if (spec.version) providers[name] = spec.version;
      }
    }
  }
  if (variables.size === 0) throw new Error("no variable blocks found: pass the module's variables.tf");
  const commit = args.flags.get("commit");
  const data: ModuleInterface = {
    source: args.need("source"),
    version: args.need("version"),
    ...(commit ? { commit } : {}),
    ...(requiredVersion ? { requiredVersion } : {}),
    providers,
    variables: [...variables.values()].sort((a, b) => (a.name < b.name ? -1 : 1)),
    outputs: [...outputs].sort(),
  };
  const out = args.need("out");
  await writeJsonData(out, data);
  console.log(`${out}: ${data.variables.length} variables, ${data.outputs.length} outputs`);
}

runScript("vendor-module-interfaces", main);
