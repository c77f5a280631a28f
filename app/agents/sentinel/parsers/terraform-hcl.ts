import { known, unknown, type Known } from "../known.js";
import { BlockIndex, type TerraformFile } from "../locate-blocks.js";
import { TAGGABLE_TYPES } from "../policy/aws-resource-types.js";
import type { ProviderView, ResourceView, SourceLocation, StackModel } from "../resources.js";
import { inputProblem, isObject, rejected, type InputProblem, type Parsed } from "./input.js";
import { provisionerTypes, type CodeRun } from "../policy/code-runs.js";
import { resolve, resourceReferences, type HclScope } from "./hcl-values.js";

/** A provider configuration in HCL, with the tag keys its default_tags give every resource it manages. */
export interface HclProviderView extends ProviderView {
  readonly defaultTagKeys: Known<readonly string[]>;
}

/** What is in the Terraform files of a stack, for policy when there is no plan. */
export interface HclModel extends StackModel {
  readonly source: "hcl";
  readonly providers: readonly HclProviderView[];
  /** Module calls, whose resources only a plan shows. */
  readonly modules: readonly {
    readonly address: string;
    readonly source: string;
    readonly location?: SourceLocation;
  }[];
}

type Blocks = Record<string, unknown>;

interface ParsedFile {
  readonly file: TerraformFile;
  readonly json: Blocks;
}

/** hcl2json says `parse config: [main.tf:3,14-15: Unclosed configuration block; …]`. */
function syntaxProblem(file: string, error: unknown): InputProblem {
  const text = error instanceof Error ? error.message : String(error);
  const where = /:(\d+),(\d+)(?:-\d+)?: ([^\]]*)\]?$/.exec(text);
  const message = `not valid HCL: ${(where ? where[3]! : text).replace(/^parse config: \[?/, "").trim()}`;
  return where
    ? { ...inputProblem("terraform", file, message), line: Number(where[1]), column: Number(where[2]) }
    : inputProblem("terraform", file, message);
}

function blockList(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isObject) : isObject(value) ? [value] : [];
}

function collectScope(parsed: readonly ParsedFile[]): HclScope {
  const variables: Record<string, unknown> = {};
  const locals: Record<string, unknown> = {};
  const values: Record<string, unknown> = {};
  for (const { file, json } of parsed) {
    if (/\.tfvars$/.test(file.path)) {
      Object.assign(values, json);
      continue;
    }
    for (const [name, blocks] of Object.entries(isObject(json.variable) ? json.variable : {})) {
      const block = blockList(blocks)[0];
      if (block && "default" in block) variables[name] = block.default;
    }
    for (const block of blockList(json.locals)) Object.assign(locals, block);
  }
  return { variables: { ...variables, ...values }, locals };
}

function providers(parsed: readonly ParsedFile[], scope: HclScope, index: BlockIndex): HclProviderView[] {
  const out: HclProviderView[] = [];
  for (const { json } of parsed) {
    for (const [name, blocks] of Object.entries(isObject(json.provider) ? json.provider : {})) {
      for (const block of blockList(blocks)) {
        const key = typeof block.alias === "string" ? `${name}.${block.alias}` : name;
        const region = "region" in block ? resolve(block.region, scope) : undefined;
        const tags = blockList(block.default_tags).map((b) => resolve(b.tags, scope));
        const unresolved = tags.find((t) => !t.known);
        const location = index.provider(key);
        out.push({
          key,
          name,
          region: !region
            ? unknown("region is not in the provider block (it comes from the environment)")
            : region.known && typeof region.value === "string"
              ? known(region.value)
              : unknown(
                  `region is set by an expression (${region.known ? "not a string" : region.expression})`,
                ),
          defaultTagKeys: unresolved
            ? unknown(
                `the provider's default_tags are set by an expression (${unresolved.known ? "" : unresolved.expression})`,
              )
            : known(tags.flatMap((t) => (t.known && isObject(t.value) ? Object.keys(t.value) : []))),
          ...(location ? { location } : {}),
        });
      }
    }
  }
  return out;
}

function tagKeys(
  type: string,
  body: Record<string, unknown>,
  scope: HclScope,
  provider: HclProviderView | undefined,
): Known<readonly string[]> | null {
  if (!("tags" in body) && !TAGGABLE_TYPES.has(type)) return null;
  const defaults = provider?.defaultTagKeys ?? known<readonly string[]>([]);
  if (!defaults.known) return defaults;
  if (!("tags" in body)) return defaults;
  const tags = resolve(body.tags, scope);
  if (!tags.known) return unknown(`tags are set by an expression (${tags.expression})`);
  return known([...(isObject(tags.value) ? Object.keys(tags.value) : []), ...defaults.value]);
}

function instances(body: Record<string, unknown>, scope: HclScope): Known<number> {
  if ("count" in body) {
    const count = resolve(body.count, scope);
    return count.known && typeof count.value === "number"
      ? known(count.value)
      : unknown("count is an expression");
  }
  if ("for_each" in body) {
    const each = resolve(body.for_each, scope);
    if (each.known && Array.isArray(each.value)) return known(each.value.length);
    if (each.known && isObject(each.value)) return known(Object.keys(each.value).length);
    return unknown("for_each is an expression");
  }
  return known(1);
}

function resourceView(
  type: string,
  name: string,
  body: Record<string, unknown>,
  context: { scope: HclScope; providers: Map<string, HclProviderView>; index: BlockIndex },
): ResourceView {
  const values: Record<string, unknown> = {};
  const unknownValues: Record<string, unknown> = {};
  const references: Record<string, string[]> = {};
  for (const [attribute, raw] of Object.entries(body)) {
    const value = resolve(raw, context.scope);
    if (value.known) values[attribute] = value.value;
    else unknownValues[attribute] = value.expression;
    const refs = resourceReferences(raw);
    if (refs.length > 0) references[attribute] = refs;
  }
  const providerRef = typeof body.provider === "string" ? /^\$\{(.+)\}$/.exec(body.provider)?.[1] : undefined;
  const providerKey = providerRef ?? type.split("_")[0]!;
  const address = `${type}.${name}`;
  const location = context.index.resource(address);
  return {
    address,
    type,
    managed: true,
    action: "create",
    providerKey,
    values,
    unknownValues,
    sensitiveValues: {},
    tagKeys: tagKeys(type, body, context.scope, context.providers.get(providerKey)),
    instances: instances(body, context.scope),
    references: Object.keys(references).length > 0 ? references : undefined,
    ...(location ? { location } : {}),
  };
}

function model(parsed: readonly ParsedFile[]): HclModel {
  const index = new BlockIndex(parsed.map((p) => p.file));
  const scope = collectScope(parsed);
  const providerList = providers(parsed, scope, index);
  const context = { scope, providers: new Map(providerList.map((p) => [p.key, p])), index };
  const resources: ResourceView[] = [];
  const modules: HclModel["modules"][number][] = [];
  const codeRuns: CodeRun[] = [];
  const run = (address: string, what: string) => {
    const location = index.resource(address);
    codeRuns.push({ address, what, ...(location ? { location } : {}) });
  };
  for (const { json } of parsed) {
    for (const [type, byName] of Object.entries(isObject(json.resource) ? json.resource : {})) {
      for (const [name, blocks] of Object.entries(isObject(byName) ? byName : {})) {
        for (const body of blockList(blocks)) {
          resources.push(resourceView(type, name, body, context));
          for (const kind of provisionerTypes(body.provisioner))
            run(`${type}.${name}`, `provisioner "${kind}"`);
        }
      }
    }
    const data = isObject(json.data) && isObject(json.data.external) ? json.data.external : {};
    for (const name of Object.keys(data)) run(`data.external.${name}`, 'data "external"');
    for (const [name, blocks] of Object.entries(isObject(json.module) ? json.module : {})) {
      const block = blockList(blocks)[0] ?? {};
      const location = index.module(name);
      modules.push({
        address: `module.${name}`,
        source: typeof block.source === "string" ? block.source : "(unknown source)",
        ...(location ? { location } : {}),
      });
    }
  }
  const inFileOrder = (a: ResourceView, b: ResourceView) => {
    const [fileA, fileB] = [a.location?.file ?? "", b.location?.file ?? ""];
    return fileA < fileB ? -1 : fileA > fileB ? 1 : (a.location?.line ?? 0) - (b.location?.line ?? 0);
  };
  return {
    source: "hcl",
    resources: resources.sort(inFileOrder),
    providers: providerList,
    modules,
    codeRuns,
  };
}

/**
 * Reads a stack's Terraform files (`*.tf`, with `terraform.tfvars` and `*.auto.tfvars` for variable values)
 * with HashiCorp's HCL parser, for the org policy when there is no plan. Never throws for bad input.
 */
export async function parseTerraformFiles(files: readonly TerraformFile[]): Promise<Parsed<HclModel>> {
  const { parse } = await import("@cdktf/hcl2json");
  const parsed: ParsedFile[] = [];
  const problems: InputProblem[] = [];
  for (const file of files) {
    try {
      parsed.push({ file, json: (await parse(file.path, file.text)) as Blocks });
    } catch (error) {
      problems.push(syntaxProblem(file.path, error));
    }
  }
  if (problems.length > 0) return rejected(problems);
  if (!parsed.some((p) => p.file.path.endsWith(".tf"))) {
    return rejected([inputProblem("terraform", files[0]?.path ?? "(no files)", "there are no .tf files")]);
  }
  return { ok: true, value: model(parsed) };
}
