import { parseArgs } from "node:util";
import { designGoal } from "../../agents/atlas/index.js";
import { blockedSummary } from "../blocked-summary.js";
import { EXIT } from "../exit-codes.js";
import { loadGoal } from "../goal-file.js";
import type { CliIo } from "../io.js";
import { parseNow } from "../now-option.js";
import { loadPolicyFile } from "../policy-file.js";
import { reportProblems } from "../report-problems.js";
import type { Command } from "./command.js";

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
    const goal = await loadGoal(io, file);
    const policy = await loadPolicyFile(io, parsed.values.policy);
    if (!goal.ok) reportProblems(io.stderr, file, goal.problems);
    if (!policy.result.ok) reportProblems(io.stderr, policy.file, policy.result.problems);
    if (!goal.ok || !policy.result.ok) return EXIT.badInput;

    const outcome = designGoal(goal.value, policy.result.value, { now });
    io.stdout.write(`${JSON.stringify(outcome.value, null, 2)}\n`);
    if (outcome.kind === "PlanSpec") return EXIT.ok;
    io.stderr.write(blockedSummary("plan", outcome.value));
    return EXIT.blocked;
  },
};
