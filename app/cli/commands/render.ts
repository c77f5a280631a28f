import { checkPlanSpecForRender, renderStack } from "../../agents/forge/index.js";
import { readArtifact } from "../../contracts/artifact-intake.js";
import { fail, ok, type Result } from "../../contracts/problem.js";
import { EXIT } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { insideOut, outDirProblem } from "../out-dir.js";
import { loadPolicyFile } from "../policy-file.js";
import { readTextFile } from "../read-text-file.js";
import { reportProblems } from "../report-problems.js";
import type { Command } from "./command.js";

interface RenderArgs {
  readonly planSpec: string;
  readonly out: string;
  readonly policy?: string;
}

const USAGE = "infracrew render <planspec.json> --out <dir> [--policy <infracrew.yml>]";

function parseArgs(args: readonly string[]): Result<RenderArgs> {
  const files: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.startsWith("--") ? arg.split(/=(.*)/s, 2) : [arg];
    if (name === "--out" || name === "--policy") {
      const value = inline ?? args[++i];
      if (value === undefined || value === "") return fail([{ path: name, message: "needs a value" }]);
      options.set(name, value);
    } else if (arg.startsWith("-")) {
      return fail([{ path: arg, message: "is not an option of infracrew render" }]);
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1) return fail([{ path: "", message: `name one PlanSpec file (usage: ${USAGE})` }]);
  const out = options.get("--out");
  if (out === undefined)
    return fail([
      { path: "--out", message: `is required: the directory to write the stack under (usage: ${USAGE})` },
    ]);
  const policy = options.get("--policy");
  return ok({ planSpec: files[0]!, out, ...(policy !== undefined ? { policy } : {}) });
}

export const renderCommand: Command = {
  name: "render",
  summary: "Render a PlanSpec to its Terraform stack (Forge)",
  usage: USAGE,
  help: [
    "Writes the stack of a PlanSpec (versions.tf, providers.tf, backend.tf, main.tf, one file per component,",
    "variables.tf, outputs.tf, planspec.json and README.md) under <dir>/<terraform.dir>/. The OrgPolicy (--policy,",
    "else .github/infracrew.yml when it exists, else the defaults, as for infracrew plan) gives the Terraform",
    "version and the state backend. Exits 0 when written, 2 when the",
    "PlanSpec or the policy is invalid or cannot be rendered, with one message per problem. Nothing is written",
    "outside <dir>, and nothing at all unless every file can be.",
  ].join("\n"),
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args);
    if (!parsed.ok) {
      reportProblems(io.stderr, "infracrew render", parsed.problems);
      return EXIT.badInput;
    }
    const { planSpec, out } = parsed.value;
    const outProblem = await outDirProblem(io, out);
    if (outProblem) {
      reportProblems(io.stderr, "infracrew render", [outProblem]);
      return EXIT.badInput;
    }
    const text = await readTextFile(io, planSpec);
    const artifact = text.ok ? readArtifact(text.value, planSpec) : text;
    if (!artifact.ok) {
      reportProblems(io.stderr, planSpec, artifact.problems);
      return EXIT.badInput;
    }
    if (artifact.value.kind !== "PlanSpec") {
      io.stderr.write(`${planSpec}: kind: must be PlanSpec to render (got ${artifact.value.kind})\n`);
      return EXIT.badInput;
    }
    const { file: policyPath, result: policy } = await loadPolicyFile(io, parsed.value.policy);
    if (!policy.ok) {
      reportProblems(io.stderr, policyPath, policy.problems);
      return EXIT.badInput;
    }
    const spec = artifact.value.value;
    const problems = checkPlanSpecForRender(spec);
    if (problems.length > 0) {
      reportProblems(io.stderr, planSpec, problems);
      return EXIT.badInput;
    }
    const files = renderStack(spec, { policy: policy.value }).files;
    const targets = files.map((f) => ({ file: f, to: insideOut(io, out, f.path) }));
    const escaping = targets.find((t) => t.to === undefined);
    if (escaping) {
      io.stderr.write(
        `${planSpec}: terraform.dir: would write ${escaping.file.path} outside ${out}; nothing was written\n`,
      );
      return EXIT.badInput;
    }
    for (const { file, to } of targets) {
      await io.writeFile(to!, file.content);
      io.stdout.write(`wrote ${to}\n`);
    }
    return EXIT.ok;
  },
};
