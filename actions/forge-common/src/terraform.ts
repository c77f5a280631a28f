/**
 * The Terraform commands the Forge actions run, with their exact arguments, and what their exit codes and
 * diagnostics mean. Long-running commands run under coreutils `timeout`: on time-out Terraform gets SIGINT, stops
 * cleanly, writes its state and releases its lock, and the exit code is 124.
 *
 * Every command runs silent: its output is captured, never streamed to the log, because a plan or an apply can print
 * values that are only known to be secret once the plan is read as JSON. The actions mask those values first and
 * then print the output with `logOutput`.
 */
import type { ExecResult, Toolkit } from "./toolkit.js";

export const TIMEOUT_EXIT_CODE = 124;
/** Grace after SIGINT before `timeout` sends SIGKILL. */
const KILL_AFTER_SECONDS = 120;
export const LOCK_TIMEOUT = "-lock-timeout=5m";
export const PLAN_FILE = "tfplan";

export type Phase = "download" | "init" | "plan" | "apply" | "destroy" | "output" | "timeout" | "refused";

/** A step that did not succeed: where, and what a person should read. */
export interface StepFailure {
  readonly phase: Phase;
  readonly message: string;
}

export interface TerraformOptions {
  readonly dir: string;
  readonly timeoutSeconds: number;
  readonly backendBucket?: string;
  readonly backendRegion?: string;
}

export interface Diagnostic {
  readonly severity: "error" | "warning";
  readonly summary: string;
  readonly detail?: string;
  readonly range?: { readonly filename: string; readonly start: { readonly line: number } };
}

/** The `Error: …` lines of Terraform's plain output, with the line after each, for a message. */
export function errorSummary(result: ExecResult): string {
  const lines = `${result.stderr}\n${result.stdout}`
    .split("\n")
    .map((l) => l.replace(/^[│╷╵\s]+/, "").trimEnd());
  const found: string[] = [];
  lines.forEach((line, i) => {
    if (!line.startsWith("Error: ")) return;
    const detail = lines.slice(i + 1).find((l) => l.trim() !== "" && !l.startsWith("on "));
    found.push(detail ? `${line} ${detail}` : line);
  });
  const text = found.length > 0 ? found.join("; ") : (result.stderr.trim().split("\n").at(-1) ?? "");
  return text.length > 1000 ? `${text.slice(0, 1000)}…` : text;
}

export class Terraform {
  constructor(
    private readonly toolkit: Toolkit,
    private readonly options: TerraformOptions,
  ) {}

  private run(args: readonly string[]): Promise<ExecResult> {
    return this.toolkit.exec("terraform", args, { cwd: this.options.dir, silent: true });
  }

  private timed(args: readonly string[]): Promise<ExecResult> {
    return this.toolkit.exec(
      "timeout",
      [
        `--signal=INT`,
        `--kill-after=${KILL_AFTER_SECONDS}`,
        String(this.options.timeoutSeconds),
        "terraform",
        ...args,
      ],
      { cwd: this.options.dir, silent: true },
    );
  }

  /** The Terraform version, from `terraform version -json`. */
  async version(): Promise<string | undefined> {
    const result = await this.run(["version", "-json"]);
    try {
      return (JSON.parse(result.stdout) as { terraform_version?: string }).terraform_version;
    } catch {
      return undefined;
    }
  }

  init(): Promise<ExecResult> {
    const backend = [
      ...(this.options.backendBucket ? [`-backend-config=bucket=${this.options.backendBucket}`] : []),
      ...(this.options.backendRegion ? [`-backend-config=region=${this.options.backendRegion}`] : []),
    ];
    return this.timed(["init", "-input=false", "-no-color", ...backend]);
  }

  validate(): Promise<ExecResult> {
    return this.run(["validate", "-json", "-no-color"]);
  }

  /** Plans into `tfplan`. With -detailed-exitcode: 0 no changes, 2 changes, 1 an error. */
  plan(): Promise<ExecResult> {
    return this.timed([
      "plan",
      "-input=false",
      `-out=${PLAN_FILE}`,
      LOCK_TIMEOUT,
      "-detailed-exitcode",
      "-no-color",
    ]);
  }

  show(): Promise<ExecResult> {
    return this.run(["show", "-json", PLAN_FILE]);
  }

  apply(): Promise<ExecResult> {
    return this.timed(["apply", "-input=false", LOCK_TIMEOUT, "-no-color", PLAN_FILE]);
  }

  destroy(targets: readonly string[]): Promise<ExecResult> {
    return this.timed([
      "destroy",
      "-input=false",
      "-auto-approve",
      LOCK_TIMEOUT,
      "-no-color",
      ...targets.map((t) => `-target=${t}`),
    ]);
  }

  stateList(): Promise<ExecResult> {
    return this.run(["state", "list"]);
  }

  output(): Promise<ExecResult> {
    return this.run(["output", "-json"]);
  }
}

/** The failure a command's exit code means, if any: 124 is a time-out, anything else but `ok` an error. */
export function failureOf(
  result: ExecResult,
  phase: Phase,
  ok: readonly number[] = [0],
): StepFailure | undefined {
  if (ok.includes(result.exitCode)) return undefined;
  if (result.exitCode === TIMEOUT_EXIT_CODE) {
    return { phase: "timeout", message: `terraform ${phase} ran out of time and was stopped (SIGINT)` };
  }
  return { phase, message: `terraform ${phase} failed (exit ${result.exitCode}): ${errorSummary(result)}` };
}

/**
 * Prints a command's captured output, once every secret it may hold has been masked with `core.setSecret` (the
 * runner then replaces each masked value in the log). Call it only after masking.
 */
export function logOutput(toolkit: Toolkit, what: string, result: ExecResult): void {
  const text = [result.stdout.trimEnd(), result.stderr.trimEnd()].filter((t) => t !== "").join("\n");
  if (text !== "") toolkit.core.info(`${what}:\n${text}`);
}
