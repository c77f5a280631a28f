import { evaluate } from "../../agents/sentinel/evaluate.js";
import { validateArtifact } from "../../contracts/validator.js";
import { reportMarkdown } from "../../render/sentinel/check-run.js";
import { parseCheckArgs } from "../check-args.js";
import { loadCheckInputs } from "../check-inputs.js";
import { EXIT } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { reportProblems } from "../report-problems.js";
import type { Command } from "./command.js";

const USAGE =
  "infracrew check [--plan-json f] [--trivy f] [--tfsec f] [--checkov f] [--conftest f] [--infracost f] [--dir tf-dir] [--policy infracrew.yml] [--budget usd] [--format json|markdown]";

export const checkCommand: Command = {
  name: "check",
  summary: "Validate a plan as Sentinel does: scanner outputs, org policy and budget brake → PASS/FAIL",
  usage: USAGE,
  help: [
    "Reads the outputs of the scanners (trivy config --format json or sarif, tfsec --format json, checkov -o json,",
    "conftest test --output json, infracost breakdown|diff --format json) and the plan (terraform show -json), runs",
    "Infracrew's org policy (--policy, default: the defaults) and the budget brake, and prints the ValidationResult",
    "(--format json) or its report (--format markdown, the default).",
    "",
    "--dir is the stack the scanners scanned: paths in their outputs are read as inside it, its .tf files place",
    "findings at file:line, and without --plan-json the org policy runs on them. The budget is --budget, else",
    "<dir>/planspec.json's cost.budgetMonthlyUsd. Without Infracost output the cost is an offline estimate.",
    "",
    "Exits 0 on PASS, 1 on FAIL, 2 on bad input (each bad file named, with its tool and what is wrong).",
  ].join("\n"),
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const parsed = parseCheckArgs(args);
    if (!parsed.ok) {
      reportProblems(io.stderr, "infracrew check", parsed.problems);
      return EXIT.badInput;
    }
    const loaded = await loadCheckInputs(io, parsed.value);
    if (!loaded.ok) {
      for (const message of loaded.messages) io.stderr.write(`${message}\n`);
      return EXIT.badInput;
    }
    const result = evaluate(loaded.input);
    const valid = validateArtifact("ValidationResult", result);
    if (!valid.ok)
      throw new Error(`Sentinel made an invalid ValidationResult: ${JSON.stringify(valid.problems)}`);
    if (parsed.value.format === "json") {
      io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      const { summary, text } = reportMarkdown(result);
      io.stdout.write(`${summary}\n\n${text}\n`);
    }
    return result.verdict === "PASS" ? EXIT.ok : EXIT.fail;
  },
};
