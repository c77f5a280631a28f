/** The gate's runner: reads and checks the inputs, runs the gate, sets the approved values as outputs. */
import { formatProblem } from "../../../app/contracts/problem.js";
import { DISPATCH_INPUTS, outputsOf, readDispatch, type RawDispatch } from "./dispatch.js";
import { gate, type Protection } from "./main.js";
import type { GateToolkit } from "./toolkit.js";

const PROTECTIONS: readonly Protection[] = ["auto", "oidc", "rule"];
const BRANCH = /^[A-Za-z0-9._/-]{1,255}$/;

export async function run(toolkit: GateToolkit): Promise<void> {
  const { core } = toolkit;
  try {
    const githubToken = core.getInput("github-token").trim();
    if (githubToken !== "") core.setSecret(githubToken);
    const raw = Object.fromEntries(DISPATCH_INPUTS.map((n) => [n, core.getInput(n).trim()])) as RawDispatch;
    const read = readDispatch(raw);
    if (!read.ok) {
      core.setFailed(
        `Infracrew gate: refused before anything ran: ${read.problems.map(formatProblem).join("; ")}`,
      );
      return;
    }
    const protection = (core.getInput("protection").trim() || "auto") as Protection;
    if (!PROTECTIONS.includes(protection)) {
      core.setFailed(
        `Infracrew gate: protection: must be one of ${PROTECTIONS.join(", ")} (got ${JSON.stringify(protection)})`,
      );
      return;
    }
    const defaultBranch = core.getInput("default-branch").trim();
    if (!BRANCH.test(defaultBranch) || defaultBranch.includes("..")) {
      core.setFailed(
        `Infracrew gate: default-branch: must be the repository's default branch (got ${JSON.stringify(defaultBranch)})`,
      );
      return;
    }
    const outcome = await gate(
      {
        dispatch: read.value,
        protection,
        appUrl: core.getInput("app-url").trim(),
        defaultBranch,
        environment: core.getInput("environment").trim() || "infracrew-apply",
        appSlug: core.getInput("app-slug").trim() || "infracrew",
        githubToken,
      },
      toolkit,
    );
    if (!outcome.ok) {
      core.setFailed(
        `Infracrew gate: ${outcome.message}. Nothing was checked out and no cloud credentials were asked for.`,
      );
      return;
    }
    for (const [name, value] of Object.entries(outputsOf(outcome.dispatch))) core.setOutput(name, value);
    core.setOutput("protection", outcome.path);
    const d = outcome.dispatch;
    core.info(
      `Infracrew gate: approved (${outcome.path === "oidc" ? "the App's OIDC gate" : "the App's deployment protection rule"}): ${d.mode} of ${d.stack} at ${d.sha} for pull request #${d.pr}.`,
    );
  } catch (error) {
    core.setFailed(
      `Infracrew gate: internal error, so nothing passes: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
