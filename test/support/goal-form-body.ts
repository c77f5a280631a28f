import YAML from "yaml";
import type { GoalStatement } from "../../app/contracts/generated/index.js";
import { GOAL_FORM_FIELDS } from "../../app/contracts/issue-form.js";
import { readRepoFile } from "./repo-files.js";

interface FormItem {
  type: string;
  id?: string;
  attributes: { label?: string; options?: (string | { label: string })[] };
}

export function loadGoalForm(): { body: FormItem[] } {
  return YAML.parse(readRepoFile(".github/ISSUE_TEMPLATE/goal-statement.yml")) as { body: FormItem[] };
}

function get(goal: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
    goal,
  );
}

/** Writes a goal as the body GitHub creates when the form is submitted: every field in form order. */
export function goalFormBody(goal: GoalStatement): string {
  const sections: string[] = [];
  for (const item of loadGoalForm().body) {
    if (item.type === "markdown") continue;
    const field = GOAL_FORM_FIELDS.find((f) => f.id === item.id)!;
    const value = get(goal, field.path);
    let text: string;
    if (field.type === "checkboxes") {
      const chosen = new Set((value as string[] | undefined) ?? []);
      text = (item.attributes.options ?? [])
        .map((o) => (typeof o === "string" ? o : o.label))
        .map((label) => `- [${chosen.has(label) ? "X" : " "}] ${label}`)
        .join("\n");
    } else if (value === undefined) {
      text = "_No response_";
    } else if (field.type === "tags") {
      text = Object.entries(value as Record<string, string>)
        .map(([k, v]) => `${k}=${v}`)
        .join("\n");
    } else if (field.type === "list") {
      text = (value as string[]).join(", ");
    } else if (field.type === "database") {
      const db = value as { engine: string; storageGb: number };
      text = `${db.engine}, ${db.storageGb} GB`;
    } else if (field.type === "cache") {
      const cache = value as { engine: string; memoryGb?: number };
      text = cache.memoryGb === undefined ? cache.engine : `${cache.engine}, ${cache.memoryGb} GB`;
    } else if (field.type === "key-value") {
      const kv = value as { engine: string; storageGb?: number };
      text = kv.storageGb === undefined ? kv.engine : `${kv.engine}, ${kv.storageGb} GB`;
    } else if (field.type === "stream") {
      const st = value as { engine: string; retentionHours?: number; recordKb?: number; archive?: boolean };
      const parts = [st.engine];
      if (st.retentionHours !== undefined) parts.push(`${st.retentionHours} hours`);
      if (st.recordKb !== undefined) parts.push(`${st.recordKb} KB`);
      if (st.archive === true) parts.push("archive to S3");
      text = parts.join(", ");
    } else if (field.type === "gpu") {
      const gpu = value as { type: string; count: number };
      text = `${gpu.type} × ${gpu.count}`;
    } else if (field.type === "auth") {
      const auth = value as { type: string; issuer?: string; audience?: string[] };
      text = auth.type === "jwt" ? `jwt ${auth.issuer!} ${auth.audience!.join(", ")}` : auth.type;
    } else if (field.type === "node-groups") {
      text = (value as { name: string; instanceTypes: string[]; min: number; max: number }[])
        .map((g) => `${g.name}: ${g.instanceTypes.join(" ")}, ${g.min}-${g.max}`)
        .join("\n");
    } else {
      text = String(value);
    }
    sections.push(`### ${field.label}\n\n${text}`);
  }
  return `${sections.join("\n\n")}\n`;
}
