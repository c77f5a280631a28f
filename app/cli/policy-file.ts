import { defaultPolicy, readPolicy, type ResolvedOrgPolicy } from "../contracts/policy-intake.js";
import type { Result } from "../contracts/problem.js";
import type { CliIo } from "./io.js";
import { readTextFile } from "./read-text-file.js";

/** The policy the commands read when none is named, as the app does in the repository of the goals. */
export const DEFAULT_POLICY_FILE = ".github/infracrew.yml";

export interface LoadedPolicy {
  /** The file read, or "(default policy)" when there was none to read. */
  readonly file: string;
  readonly result: Result<ResolvedOrgPolicy>;
}

/** The policy named, else .github/infracrew.yml when it exists, else the built-in defaults. */
export async function loadPolicyFile(io: CliIo, named: string | undefined): Promise<LoadedPolicy> {
  const file = named ?? DEFAULT_POLICY_FILE;
  if (named === undefined && (await io.fileSize(file)) === "missing") {
    return { file: "(default policy)", result: { ok: true, value: defaultPolicy() } };
  }
  const text = await readTextFile(io, file);
  return { file, result: text.ok ? readPolicy(text.value) : text };
}
