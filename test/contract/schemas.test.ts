import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { ARTIFACT_KINDS, KIND_FILE_STEMS, SCHEMAS } from "../../app/contracts/generated/index.js";
import { validateArtifact } from "../../app/contracts/validator.js";
import { listRepoDir, readRepoFile } from "../support/repo-files.js";

const schemaFiles = listRepoDir("schemas").filter((f) => f.endsWith(".schema.json"));

describe("schemas/", () => {
  it("has one schema file per artifact kind, plus the shared definitions", () => {
    const stems = ARTIFACT_KINDS.map((k) => `${KIND_FILE_STEMS[k]}.schema.json`);
    expect(schemaFiles).toEqual([...stems, "common.schema.json"].sort());
    expect(Object.values(KIND_FILE_STEMS).sort()).toEqual(
      [
        "apply-request",
        "apply-result",
        "build-status",
        "design-blocked",
        "goal-statement",
        "ops-event",
        "org-policy",
        "plan-spec",
        "rollback-request",
        "validate-request",
        "validation-result",
      ].sort(),
    );
  });

  it.each(schemaFiles)("%s is JSON Schema 2020-12 with an $id, a title and a description", (file) => {
    const schema = JSON.parse(readRepoFile("schemas", file)) as Record<string, unknown>;
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toBe(`https://infracrew.dev/schemas/0.1/${file}`);
    expect(typeof schema.title).toBe("string");
    expect(typeof schema.description).toBe("string");
  });

  it("every schema compiles in strict mode against the meta-schema", () => {
    const ajv = new Ajv2020({
      strict: true,
      strictRequired: false,
      allowUnionTypes: true,
      discriminator: true,
      validateFormats: false,
    });
    ajv.addKeyword({ keyword: "x-hint", schemaType: "string" });
    for (const file of schemaFiles) ajv.addSchema(JSON.parse(readRepoFile("schemas", file)) as object);
    for (const kind of ARTIFACT_KINDS) {
      expect(() => ajv.getSchema((SCHEMAS[kind] as { $id: string }).$id)).not.toThrow();
    }
  });

  it.each(ARTIFACT_KINDS.filter((k) => k !== "OrgPolicy"))(
    "%s requires schemaVersion 0.1 and its own kind",
    (kind) => {
      const schema = SCHEMAS[kind] as { required: string[]; properties: Record<string, { const?: string }> };
      expect(schema.required).toEqual(expect.arrayContaining(["schemaVersion", "kind"]));
      expect(schema.properties.kind?.const).toBe(kind);
    },
  );

  it.each(ARTIFACT_KINDS.filter((k) => k !== "OrgPolicy" && k !== "GoalStatement"))(
    "%s, made by the crew, carries id, createdAt and goalRef",
    (kind) => {
      const schema = SCHEMAS[kind] as { required: string[] };
      expect(schema.required).toEqual(expect.arrayContaining(["id", "createdAt", "goalRef"]));
    },
  );

  it("rejects a wrong schemaVersion with the expected value in the message", () => {
    const result = validateArtifact("ApplyRequest", {
      ...(JSON.parse(readRepoFile("schemas/examples/apply-request.json")) as object),
      schemaVersion: "0.2",
    });
    expect(result).toEqual({
      ok: false,
      problems: [{ path: "schemaVersion", message: 'must be "0.1" (got "0.2")' }],
    });
  });
});
