import { describe, expect, it } from "vitest";
import { SCHEMAS } from "../../../app/contracts/generated/index.js";
import { GOAL_FORM_FIELDS } from "../../../app/contracts/issue-form.js";
import { readGoal } from "../../../app/contracts/goal-intake.js";
import { goalFormBody, loadGoalForm } from "../../support/goal-form-body.js";
import { readRepoFile } from "../../support/repo-files.js";

type SchemaNode = {
  type?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  enum?: unknown[];
  items?: SchemaNode;
  $ref?: string;
};

const goalSchema = SCHEMAS.GoalStatement as SchemaNode;
const common =
  SCHEMAS.GoalStatement &&
  (JSON.parse(readRepoFile("schemas/common.schema.json")) as { $defs: Record<string, SchemaNode> });

function resolve(node: SchemaNode): SchemaNode {
  if (node.$ref?.startsWith("common.schema.json#/$defs/")) return common.$defs[node.$ref.split("/").pop()!]!;
  return node;
}

/** The schema at a path, and whether every step down to it is required. */
function schemaAt(path: readonly string[]): { node: SchemaNode; required: boolean } {
  let node = goalSchema;
  let required = true;
  for (const key of path) {
    required = required && (node.required ?? []).includes(key);
    node = resolve(node.properties![key]!);
  }
  return { node, required };
}

/** Every leaf field of the GoalStatement schema, as a dotted path. */
function leafPaths(node: SchemaNode, prefix: string[] = []): string[] {
  const resolved = resolve(node);
  if (!resolved.properties) return [prefix.join(".")];
  return Object.entries(resolved.properties).flatMap(([k, v]) => {
    const child = resolve(v);
    const isGroup =
      child.properties && !["relational", "cache", "keyValue", "stream", "gpu", "auth"].includes(k);
    return isGroup ? leafPaths(child, [...prefix, k]) : [[...prefix, k].join(".")];
  });
}

const formFields = loadGoalForm().body.filter((item) => item.type !== "markdown");

describe("the GoalStatement issue form and the intake parser agree", () => {
  it("has the same fields, in the same order, with the same ids and labels", () => {
    expect(formFields.map((f) => [f.id, f.attributes.label])).toEqual(
      GOAL_FORM_FIELDS.map((f) => [f.id, f.label]),
    );
  });

  it.each(GOAL_FORM_FIELDS.map((f) => [f.label, f] as const))(
    "%s maps to a schema field of a matching shape",
    (_label, field) => {
      const item = formFields.find((f) => f.id === field.id)!;
      const { node, required } = schemaAt(field.path);
      const formRequired = (item as { validations?: { required?: boolean } }).validations?.required ?? false;
      expect(formRequired).toBe(required);
      if (field.type === "dropdown") {
        expect(item.type).toBe("dropdown");
        expect(item.attributes.options).toEqual(node.enum);
      } else if (field.type === "checkboxes") {
        expect(item.type).toBe("checkboxes");
        const labels = (item.attributes.options as { label: string }[]).map((o) => o.label);
        expect(labels).toEqual(resolve(node.items!).enum);
      } else {
        expect(["input", "textarea"]).toContain(item.type);
      }
    },
  );

  it("covers every goal field a person sets, except the advanced sizing overrides", () => {
    const covered = new Set(GOAL_FORM_FIELDS.map((f) => f.path.join(".")));
    const fixed = ["schemaVersion", "kind", "cloud"];
    const advanced = ["workload.cpu", "workload.memoryMb", "workload.perTaskRps"];
    const uncovered = leafPaths(goalSchema).filter((p) => !covered.has(p) && !fixed.includes(p));
    expect(uncovered.sort()).toEqual(advanced.sort());
  });

  it("reads a body written from the form back into the goal it came from", () => {
    const goal = JSON.parse(readRepoFile("schemas/examples/goal-web-api.json")) as Parameters<
      typeof goalFormBody
    >[0];
    const body = goalFormBody(goal);
    expect(body).toContain("### Owners\n\n@acme/payments");
    const read = readGoal(body);
    expect(read.ok && read.value).toEqual({ source: "issue-form", goal });
  });

  it("treats _No response_ as an empty answer", () => {
    const body = readRepoFile("schemas/examples/goal-issue-form-body.md") + "\n### Cache\n\n_No response_\n";
    const read = readGoal(body);
    expect(read.ok && read.value.goal.data).toEqual({ relational: { engine: "postgres", storageGb: 100 } });
  });
});
