import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsImport from "ajv-formats";
import {
  ARTIFACT_KINDS,
  COMMON_SCHEMA,
  SCHEMAS,
  type ArtifactKind,
  type ArtifactTypes,
} from "./generated/index.js";
import { problemsFromAjv } from "./ajv-messages.js";
import { fail, ok, type Result } from "./problem.js";

// ajv-formats ships CommonJS with a default export object under ESM interop.
const addFormats = addFormatsImport as unknown as (ajv: Ajv2020) => Ajv2020;

function createAjv(useDefaults: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    discriminator: true,
    useDefaults,
    verbose: true,
  });
  addFormats(ajv);
  ajv.addKeyword({ keyword: "x-hint", schemaType: "string" });
  ajv.addSchema(COMMON_SCHEMA);
  for (const kind of ARTIFACT_KINDS) ajv.addSchema(SCHEMAS[kind]);
  return ajv;
}

const checking = createAjv(false);
const defaulting = createAjv(true);
const compiled = new Map<string, ValidateFunction>();

function validatorFor(kind: ArtifactKind, withDefaults: boolean): ValidateFunction {
  const key = `${kind}:${withDefaults}`;
  let fn = compiled.get(key);
  if (!fn) {
    const ajv = withDefaults ? defaulting : checking;
    const id = (SCHEMAS[kind] as { $id: string }).$id;
    fn = ajv.getSchema(id);
    if (!fn) throw new Error(`schema ${id} is not registered`);
    compiled.set(key, fn);
  }
  return fn;
}

export function isArtifactKind(kind: unknown): kind is ArtifactKind {
  return typeof kind === "string" && (ARTIFACT_KINDS as readonly string[]).includes(kind);
}

/** Validates data against its kind's schema. Never throws for bad data. */
export function validateArtifact<K extends ArtifactKind>(kind: K, data: unknown): Result<ArtifactTypes[K]> {
  const validate = validatorFor(kind, false);
  if (validate(data)) return ok(data as ArtifactTypes[K]);
  return fail(problemsFromAjv(validate.errors ?? [], data));
}

/** Validates a copy of the data and fills in the schema's defaults. */
export function validateWithDefaults<K extends ArtifactKind>(
  kind: K,
  data: unknown,
): Result<ArtifactTypes[K]> {
  const copy: unknown = structuredClone(data);
  const validate = validatorFor(kind, true);
  if (validate(copy)) return ok(copy as ArtifactTypes[K]);
  return fail(problemsFromAjv(validate.errors ?? [], data));
}
