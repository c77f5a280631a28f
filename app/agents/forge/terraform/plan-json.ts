/** Reading and redacting the JSON of a saved Terraform plan (`terraform show -json tfplan`). */
import type { PlanCounts } from "../../../contracts/generated/validate-request.js";
import { redactByMarker, REDACTED, sensitiveLeaves } from "./redact.js";

interface Change {
  actions?: string[];
  before?: unknown;
  after?: unknown;
  before_sensitive?: unknown;
  after_sensitive?: unknown;
}

interface ModuleValues {
  resources?: { values?: unknown; sensitive_values?: unknown }[];
  child_modules?: ModuleValues[];
}

/** The parts of Terraform's plan JSON format (format_version 1.x) that hold values. */
export interface PlanJson {
  format_version?: string;
  terraform_version?: string;
  variables?: Record<string, { value?: unknown }>;
  planned_values?: {
    root_module?: ModuleValues;
    outputs?: Record<string, { value?: unknown; sensitive?: boolean }>;
  };
  prior_state?: {
    values?: {
      root_module?: ModuleValues;
      outputs?: Record<string, { value?: unknown; sensitive?: boolean }>;
    };
  };
  resource_changes?: { address?: string; type?: string; change?: Change }[];
  output_changes?: Record<string, Change>;
  configuration?: { root_module?: { variables?: Record<string, { sensitive?: boolean }> } };
  [key: string]: unknown;
}

/** How many resources the plan creates, updates, deletes and replaces. */
export function planCounts(plan: PlanJson): PlanCounts {
  const counts = { create: 0, update: 0, delete: 0, replace: 0 };
  for (const rc of plan.resource_changes ?? []) {
    const actions = rc.change?.actions ?? [];
    if (actions.includes("create") && actions.includes("delete")) counts.replace++;
    else if (actions.includes("create")) counts.create++;
    else if (actions.includes("update")) counts.update++;
    else if (actions.includes("delete")) counts.delete++;
  }
  return counts;
}

function walkModule(
  module: ModuleValues | undefined,
  visit: (r: { values?: unknown; sensitive_values?: unknown }) => void,
): void {
  for (const r of module?.resources ?? []) visit(r);
  for (const child of module?.child_modules ?? []) walkModule(child, visit);
}

function redactChange(change: Change): Change {
  return {
    ...change,
    before: redactByMarker(change.before, change.before_sensitive),
    after: redactByMarker(change.after, change.after_sensitive),
  };
}

function redactOutputs(outputs: Record<string, { value?: unknown; sensitive?: boolean }> | undefined) {
  if (!outputs) return outputs;
  return Object.fromEntries(
    Object.entries(outputs).map(([k, o]) => [k, o.sensitive ? { ...o, value: REDACTED } : o]),
  );
}

function redactModule(module: ModuleValues | undefined): ModuleValues | undefined {
  if (!module) return module;
  return {
    ...module,
    resources: module.resources?.map((r) => ({ ...r, values: redactByMarker(r.values, r.sensitive_values) })),
    child_modules: module.child_modules?.map((m) => redactModule(m)!),
  };
}

function sensitiveVariables(plan: PlanJson): string[] {
  const declared = plan.configuration?.root_module?.variables ?? {};
  return Object.keys(plan.variables ?? {}).filter((name) => declared[name]?.sensitive === true);
}

/** The plan with every sensitive value replaced by "(sensitive)": safe to keep, show and hand to Sentinel. */
export function redactPlan(plan: PlanJson): PlanJson {
  const secretVariables = new Set(sensitiveVariables(plan));
  return {
    ...plan,
    ...(plan.variables
      ? {
          variables: Object.fromEntries(
            Object.entries(plan.variables).map(([k, v]) => [
              k,
              secretVariables.has(k) ? { ...v, value: REDACTED } : v,
            ]),
          ),
        }
      : {}),
    ...(plan.planned_values
      ? {
          planned_values: {
            ...plan.planned_values,
            root_module: redactModule(plan.planned_values.root_module),
            outputs: redactOutputs(plan.planned_values.outputs),
          },
        }
      : {}),
    ...(plan.prior_state?.values
      ? {
          prior_state: {
            ...plan.prior_state,
            values: {
              ...plan.prior_state.values,
              root_module: redactModule(plan.prior_state.values.root_module),
              outputs: redactOutputs(plan.prior_state.values.outputs),
            },
          },
        }
      : {}),
    ...(plan.resource_changes
      ? {
          resource_changes: plan.resource_changes.map((rc) =>
            rc.change ? { ...rc, change: redactChange(rc.change) } : rc,
          ),
        }
      : {}),
    ...(plan.output_changes
      ? {
          output_changes: Object.fromEntries(
            Object.entries(plan.output_changes).map(([k, c]) => [k, redactChange(c)]),
          ),
        }
      : {}),
  };
}

/** Every sensitive string in the plan, to mask in logs. */
export function planSecrets(plan: PlanJson): string[] {
  const out = new Set<string>();
  const outputs = (o: Record<string, { value?: unknown; sensitive?: boolean }> | undefined): void => {
    for (const v of Object.values(o ?? {})) if (v.sensitive) sensitiveLeaves(v.value, true, out);
  };
  for (const name of sensitiveVariables(plan)) sensitiveLeaves(plan.variables?.[name]?.value, true, out);
  walkModule(plan.planned_values?.root_module, (r) => sensitiveLeaves(r.values, r.sensitive_values, out));
  walkModule(plan.prior_state?.values?.root_module, (r) =>
    sensitiveLeaves(r.values, r.sensitive_values, out),
  );
  outputs(plan.planned_values?.outputs);
  outputs(plan.prior_state?.values?.outputs);
  for (const rc of plan.resource_changes ?? []) {
    sensitiveLeaves(rc.change?.before, rc.change?.before_sensitive, out);
    sensitiveLeaves(rc.change?.after, rc.change?.after_sensitive, out);
  }
  for (const c of Object.values(plan.output_changes ?? {})) {
    sensitiveLeaves(c.before, c.before_sensitive, out);
    sensitiveLeaves(c.after, c.after_sensitive, out);
  }
  return [...out].sort();
}
