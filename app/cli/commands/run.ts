import { renderBlockedReport } from "../../render/run-report/blocked-report.js";
import { renderRunReport } from "../../render/run-report/render-run-report.js";
import { blockedSummary } from "../blocked-summary.js";
import { artifactText, runCrew, type CrewOutcome } from "../crew/run-crew.js";
import { loadRunInputs } from "../crew/run-inputs.js";
import { leftOver, writeRunFiles, type OutFile } from "../crew/write-run.js";
import { EXIT } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { formatDuration, Progress } from "../progress.js";
import { reportProblems } from "../report-problems.js";
import { parseRunArgs, RUN_USAGE } from "../run-args.js";
import type { Command } from "./command.js";

type Validated = Extract<CrewOutcome, { kind: "validated" }>;

/** What a run that designed the goal writes, relative to the output directory, report.md first. */
function validatedFiles(goalFile: string, crew: Validated): OutFile[] {
  const { spec, result, diagram, terraform } = crew;
  const svg = diagram?.ok ? [{ path: "diagram.svg", content: diagram.svg }] : [];
  const artifacts: OutFile[] = [
    { path: "planspec.json", content: artifactText(spec) },
    { path: "validation-result.json", content: artifactText(result) },
    { path: "diagram.mmd", content: spec.diagram.mermaid },
    ...svg,
  ];
  const names = ["report.md", ...artifacts.map((f) => f.path), ...terraform.map((f) => f.path)];
  const report = renderRunReport({
    goalFile,
    spec,
    result,
    diagram: diagram?.ok
      ? { rendered: true, file: "diagram.svg" }
      : { rendered: false, why: diagram ? diagram.why : "not rendered (--no-diagram)." },
    files: names,
  });
  return [{ path: "report.md", content: report }, ...artifacts, ...terraform];
}

function wroteLine(out: string, files: readonly OutFile[]): string {
  const terraform = files.filter((f) => f.path.startsWith("terraform/")).length;
  const top = files.filter((f) => !f.path.startsWith("terraform/")).map((f) => f.path);
  const listed = terraform > 0 ? [...top, `terraform/ (${terraform} files)`] : top;
  return `Wrote ${out}/: ${listed.join(", ")}`;
}

export const runCommand: Command = {
  name: "run",
  summary: "Run the whole crew offline on a goal: Atlas designs, Forge writes Terraform, Sentinel checks it",
  usage: RUN_USAGE,
  help: [
    "Runs Atlas, Forge and Sentinel in order on this machine, with no cloud account, GitHub or Slack, and shows",
    "each step on stderr. Into --out (default out/<goal name>) it writes report.md (what the pull request and",
    "Sentinel's check would say), planspec.json, terraform/ (the module), validation-result.json, diagram.mmd",
    "and diagram.svg (rendered with Chromium; --no-diagram skips it). When Atlas blocks the design it writes",
    "design-blocked.json and report.md instead.",
    "",
    "Sentinel's verdict is offline: the org policy at the design level and on the Terraform files, and the",
    "design's cost estimate against the budget brake. Scanners cannot run offline; give their outputs",
    "(--trivy, --tfsec, --checkov, --conftest, --infracost, --plan-json, as for infracrew check) to have them judged.",
    "The policy is --policy, else .github/infracrew.yml when it exists, else the built-in defaults.",
    "",
    "Exits 0 on PASS, 1 on FAIL, 2 on bad input, 3 when the design is blocked.",
  ].join("\n"),
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const parsed = parseRunArgs(args);
    if (!parsed.ok) {
      reportProblems(io.stderr, "infracrew run", parsed.problems);
      return EXIT.badInput;
    }
    // HashiCorp's HCL parser (WebAssembly) takes half a second to start: let it start while the inputs are read.
    const hclParser = import("@cdktf/hcl2json");
    const inputs = await loadRunInputs(io, parsed.value);
    if (!inputs.ok) {
      for (const message of inputs.messages) io.stderr.write(`${message}\n`);
      return EXIT.badInput;
    }
    const { out, outShown } = inputs.value;
    const goalFile = parsed.value.goal;
    const start = io.clock();
    const progress = new Progress(io.stderr, io.clock, ["Atlas", "Forge", "Sentinel", "Diagram"]);
    progress.line(`infracrew run ${goalFile} → ${outShown}/`);
    await hclParser;
    const crew = await runCrew(io, inputs.value, progress, { diagram: parsed.value.diagram });
    const took = () => formatDuration(io.clock() - start);

    if (crew.kind === "blocked") {
      const files = [
        { path: "report.md", content: renderBlockedReport(goalFile, crew.blocked) },
        { path: "design-blocked.json", content: artifactText(crew.blocked) },
      ];
      await writeRunFiles(io, out, files);
      progress.line(wroteLine(outShown, files));
      io.stderr.write(blockedSummary("run", crew.blocked));
      progress.line(`BLOCKED in ${took()}: read ${outShown}/report.md`);
      return EXIT.blocked;
    }
    const files = validatedFiles(goalFile, crew);
    const stale = await leftOver(
      io,
      `${out}/terraform`,
      files.filter((f) => f.path.startsWith("terraform/")),
    );
    await writeRunFiles(io, out, files);
    progress.line(wroteLine(outShown, files));
    for (const file of stale) {
      progress.line(`Note: ${file} is left from an earlier run and is not part of this stack: delete it.`);
    }
    const { verdict } = crew.result;
    progress.line(`${verdict} (offline verdict) in ${took()}: read ${outShown}/report.md`);
    return verdict === "PASS" ? EXIT.ok : EXIT.fail;
  },
};
