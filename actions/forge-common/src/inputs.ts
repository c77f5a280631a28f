/**
 * Action inputs, read and checked against a declared spec: each input is required or has a default, and may have
 * a pattern or a set of allowed values. A bad input is a Problem naming it, never a thrown string.
 */
import { fail, ok, type Problem, type Result } from "../../../app/contracts/problem.js";
import type { Core } from "./toolkit.js";

export interface InputSpec {
  readonly required?: boolean;
  readonly default?: string;
  readonly pattern?: RegExp;
  readonly hint?: string;
  readonly oneOf?: readonly string[];
}

export const SHA = { pattern: /^[0-9a-f]{40}$/, hint: "a full 40-character lowercase commit SHA" } as const;
export const NAME = {
  pattern: /^[a-z][a-z0-9-]{1,38}[a-z0-9]$/,
  hint: "a stack name such as checkout-api",
} as const;
export const DIRECTORY = {
  pattern: /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/,
  hint: "a relative path of letters, digits, dashes and underscores",
} as const;
export const POSITIVE = { pattern: /^[1-9][0-9]{0,5}$/, hint: "a whole number above 0" } as const;
export const REPO = { pattern: /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/, hint: "owner/name" } as const;

/** Reads every input of `specs`; the values are strings, empty when an optional input is unset. */
export function readInputs<K extends string>(
  core: Core,
  specs: Record<K, InputSpec>,
): Result<Record<K, string>> {
  const problems: Problem[] = [];
  const values = {} as Record<K, string>;
  for (const name of Object.keys(specs) as K[]) {
    const spec = specs[name];
    const value = core.getInput(name).trim() || spec.default || "";
    values[name] = value;
    if (value === "") {
      if (spec.required) problems.push({ path: name, message: "is required" });
    } else if (spec.oneOf && !spec.oneOf.includes(value)) {
      problems.push({
        path: name,
        message: `must be one of: ${spec.oneOf.join(", ")} (got ${JSON.stringify(value)})`,
      });
    } else if (spec.pattern && !spec.pattern.test(value)) {
      problems.push({
        path: name,
        message: `must be ${spec.hint ?? spec.pattern.source} (got ${JSON.stringify(value)})`,
      });
    }
  }
  return problems.length > 0 ? fail(problems) : ok(values);
}

/** The inputs both Forge actions take: where the stack is, which commit, and how to reach its state. */
export const STACK_INPUTS = {
  "working-directory": { required: true, ...DIRECTORY },
  stack: { required: true, ...NAME },
  sha: { required: true, ...SHA },
  pr: { pattern: /^[1-9][0-9]{0,9}$/, hint: "a pull request number" },
  repository: { ...REPO },
  "backend-bucket": { pattern: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, hint: "an S3 bucket name" },
  "backend-region": { pattern: /^[a-z]{2}(-gov)?-[a-z]+-\d$/, hint: "an AWS region code" },
  "timeout-minutes": { default: "30", ...POSITIVE },
} satisfies Record<string, InputSpec>;

/** The report of an error nobody planned for: the step fails with it, and the action never crashes. */
export function internalError(action: string, error: unknown): string {
  return `${action}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}
