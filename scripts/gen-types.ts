/**
 * Generates app/contracts/generated/ from schemas/: one TypeScript file of types per schema, and an
 * index that maps each kind to its type and schema. `--check` fails when the files on disk are stale.
 */
import { readFile, readdir, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { compile, type JSONSchema } from "json-schema-to-typescript";
import { format } from "prettier";
import { configTemplate } from "./config-template.js";

const root = path.resolve(import.meta.dirname, "..");
const schemaDir = path.join(root, "schemas");
const outDir = path.join(root, "app", "contracts", "generated");
/** Written beside the types: the onboarding PR's commented config, relative to the repository root. */
const CONFIG_TEMPLATE = "../../../templates/config/infracrew.yml";

const banner = "// Generated from schemas/ by scripts/gen-types.ts. Do not edit; run `npm run gen`.\n";

type Json = { [key: string]: unknown };

/** Conditional (if/then) constraints refine validation only; json-schema-to-typescript cannot type them. */
function stripConditionals(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripConditionals);
  if (node === null || typeof node !== "object") return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === "if" || key === "then" || key === "else" || key === "discriminator") continue;
    if (
      key === "allOf" &&
      Array.isArray(value) &&
      value.every((v) => v && typeof v === "object" && "if" in v)
    )
      continue;
    out[key] = stripConditionals(value);
  }
  return out;
}

function hasDefaults(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasDefaults);
  if (node === null || typeof node !== "object") return false;
  return "default" in node || Object.values(node as Json).some(hasDefaults);
}

/** The shape after defaults are applied: every property with a default is present. */
function resolvedVariant(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(resolvedVariant);
  if (node === null || typeof node !== "object") return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) out[key] = resolvedVariant(value);
  if (typeof out.title === "string") out.title = `Resolved${out.title}`;
  const properties = out.properties as Json | undefined;
  if (properties) {
    const withDefaults = Object.entries(properties)
      .filter(([, v]) => v !== null && typeof v === "object" && "default" in (v as Json))
      .map(([k]) => k);
    const required = new Set([...((out.required as string[] | undefined) ?? []), ...withDefaults]);
    if (required.size > 0) out.required = [...required];
  }
  return out;
}

function kebabToPascal(kebab: string): string {
  return kebab.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
}

async function generate(): Promise<Map<string, string>> {
  const files = (await readdir(schemaDir)).filter((f) => f.endsWith(".schema.json")).sort();
  const out = new Map<string, string>();
  const kinds: { kind: string; base: string }[] = [];
  for (const file of files) {
    const base = file.replace(".schema.json", "");
    const schema = JSON.parse(await readFile(path.join(schemaDir, file), "utf8")) as Json;
    const ts = await compile(stripConditionals(schema) as JSONSchema, String(schema.title), {
      cwd: schemaDir,
      bannerComment: "",
      additionalProperties: false,
      ignoreMinAndMaxItems: true,
      format: false,
    });
    let resolved = "";
    if (hasDefaults(schema)) {
      const variant = resolvedVariant(stripConditionals(schema)) as Json;
      resolved = await compile(variant as JSONSchema, String(variant.title), {
        cwd: schemaDir,
        bannerComment: `/** ${String(schema.title)} after the schema's defaults are applied. */`,
        additionalProperties: false,
        ignoreMinAndMaxItems: true,
        format: false,
      });
    }
    out.set(`${base}.ts`, banner + ts + resolved);
    if (base !== "common") kinds.push({ kind: String(schema.title), base });
  }
  const index = [
    banner,
    ...kinds.map(({ kind, base }) => `import type { ${kind} } from "./${base}.js";`),
    ...kinds.map(
      ({ base }) =>
        `import ${camel(base)}Schema from "../../../schemas/${base}.schema.json" with { type: "json" };`,
    ),
    `import commonSchema from "../../../schemas/common.schema.json" with { type: "json" };`,
    "",
    `export type { ${kinds.map(({ kind }) => kind).join(", ")} };`,
    "",
    "/** Every artifact kind and its TypeScript type. */",
    "export interface ArtifactTypes {",
    ...kinds.map(({ kind }) => `  ${kind}: ${kind};`),
    "}",
    "",
    "export type ArtifactKind = keyof ArtifactTypes;",
    "",
    "export const ARTIFACT_KINDS = [",
    ...kinds.map(({ kind }) => `  "${kind}",`),
    "] as const satisfies readonly ArtifactKind[];",
    "",
    "/** Each kind's file name stem, as in schemas/<stem>.schema.json. */",
    "export const KIND_FILE_STEMS: Record<ArtifactKind, string> = {",
    ...kinds.map(({ kind, base }) => `  ${kind}: "${base}",`),
    "};",
    "",
    "export const SCHEMAS: Record<ArtifactKind, object> = {",
    ...kinds.map(({ kind, base }) => `  ${kind}: ${camel(base)}Schema,`),
    "};",
    "",
    "export const COMMON_SCHEMA: object = commonSchema;",
    "",
  ].join("\n");
  out.set("index.ts", index);
  for (const [name, text] of out)
    out.set(name, await format(text, { parser: "typescript", printWidth: 110 }));
  const policySchema = JSON.parse(
    await readFile(path.join(schemaDir, "org-policy.schema.json"), "utf8"),
  ) as object;
  const common = JSON.parse(await readFile(path.join(schemaDir, "common.schema.json"), "utf8")) as {
    $defs: object;
  };
  out.set(CONFIG_TEMPLATE, configTemplate(policySchema, common.$defs as Record<string, object>));
  return out;
}

function camel(kebab: string): string {
  const pascal = kebabToPascal(kebab);
  return pascal[0]!.toLowerCase() + pascal.slice(1);
}

const check = process.argv.includes("--check");
const generated = await generate();
const stale: string[] = [];
const existing = new Set((await readdir(outDir).catch(() => [])).filter((f) => f.endsWith(".ts")));
for (const [name, text] of generated) {
  const file = path.join(outDir, name);
  const current = await readFile(file, "utf8").catch(() => undefined);
  if (current === text) continue;
  stale.push(name);
  if (!check) {
    await mkdir(outDir, { recursive: true });
    await writeFile(file, text);
  }
}
for (const name of existing) if (!generated.has(name)) stale.push(`${name} (no schema)`);
if (check && stale.length > 0) {
  console.error(`Generated types are stale: ${stale.join(", ")}. Run \`npm run gen\` and commit the result.`);
  process.exit(1);
}
console.log(
  check ? "Generated types are current." : `Wrote ${stale.length} file(s) to app/contracts/generated/.`,
);
