import { parseArgs } from "node:util";
import { designGoal } from "../../agents/atlas/index.js";
import type { DesignBlocked } from "../../contracts/generated/index.js";
import { readGoal, type GoalFormat } from "../../contracts/goal-intake.js";
import { defaultPolicy, readPolicy, type ResolvedOrgPolicy } from "../../contracts/policy-intake.js";
import type { Result } from "../../contracts/problem.js";
import { EXIT } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { readTextFile } from "../read-text-file.js";
import { reportProblems } from "../report-problems.js";
import type { Command } from "./command.js";

const DEFAULT_POLICY = ".github/infracrew.yml";
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function formatOf(file: string): GoalFormat {
  if (/\.json$/i.test(file)) return "json";
  if (/\.ya?ml$/i.test(file)) return "yaml";
  if (/\.(md|markdown)$/i.test(file)) return "markdown";
  return "auto";
}

function parseNow(text: string | undefined, io: CliIo): Date | string {
  if (text === undefined) return io.now();
  const date = new Date(text);
  if (!ISO_8601.test(text) || Number.isNaN(date.getTime())) {
    return `--now must be an ISO-8601 date-time such as 2026-11-27T00:00:00Z (got "${text}")`;
  }
  return date;
}

async function loadPolicy(
  io: CliIo,
  file: string | undefined,
): Promise<{ file: string; result: Result<ResolvedOrgPolicy> }> {
  const chosen = file ?? DEFAULT_POLICY;
  if (file === undefined && (await io.fileSize(chosen)) === "missing") {
    return { file: "(default policy)", result: { ok: true, value: defaultPolicy() } };
  }
  const text = await readTextFile(io, chosen);
  return { file: chosen, result: text.ok ? readPolicy(text.value) : text };
}

function summary(blocked: DesignBlocked): string {
  const lines = [`infracrew plan: design blocked for ${blocked.goalRef.name}`];
  for (const reason of blocked.reasons) lines.push(`  ✗ ${reason.message} [${reason.code}]`);
  lines.push("  To unblock, any one of:");
  for (const suggestion of blocked.suggestions) lines.push(`  → ${suggestion.message}`);
  return `${lines.join("\n")}\n`;
}

export const planCommand: Command = {
  name: "plan",
  summary: "Design a goal with Atlas: print its PlanSpec, or a DesignBlocked that says what to change",
  usage: "infracrew plan <goal.(json|yaml|md)> [--policy infracrew.yml] [--now ISO-8601]",
  help: [
    "Runs Atlas on the goal under the organisation's policy (--policy, else .github/infracrew.yml when it",
    "exists, else the built-in defaults). Exits 0 and prints the PlanSpec JSON on stdout; exits 3 and prints the",
    "DesignBlocked JSON on stdout with a short summary on stderr; exits 2 when the goal, the policy or --now is",
    "bad. The same goal, policy and --now always give byte-identical output.",
  ].join("\n"),
  async run(args: readonly string[], io: CliIo): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...args],
        allowPositionals: true,
        strict: true,
        options: { policy: { type: "string" }, now: { type: "string" } },
      });
    } catch (error) {
      io.stderr.write(`infracrew plan: ${(error as Error).message}\nUsage: ${planCommand.usage}\n`);
      return EXIT.badInput;
    }
    const [file, ...extra] = parsed.positionals;
    if (file === undefined || extra.length > 0) {
      io.stderr.write(`infracrew plan: name exactly one goal file (usage: ${planCommand.usage})\n`);
      return EXIT.badInput;
    }
    const now = parseNow(parsed.values.now, io);
    if (typeof now === "string") {
      io.stderr.write(`infracrew plan: ${now}\n`);
      return EXIT.badInput;
    }
    const text = await readTextFile(io, file);
    const goal = text.ok ? readGoal(text.value, formatOf(file)) : text;
    const policy = await loadPolicy(io, parsed.values.policy);
    if (!goal.ok) reportProblems(io.stderr, file, goal.problems);
    if (!policy.result.ok) reportProblems(io.stderr, policy.file, policy.result.problems);
    if (!goal.ok || !policy.result.ok) return EXIT.badInput;

    const outcome = designGoal(goal.value.goal, policy.result.value, { now });
    io.stdout.write(`${JSON.stringify(outcome.value, null, 2)}\n`);
    if (outcome.kind === "PlanSpec") return EXIT.ok;
    io.stderr.write(summary(outcome.value));
    return EXIT.blocked;
  },
};
