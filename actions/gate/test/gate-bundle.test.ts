/**
 * The bundled gate (dist/index.mjs), run as GitHub runs it: a node process with INPUT_* variables, the runner's OIDC
 * token service (ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN) and GitHub's API served locally, outputs read from
 * GITHUB_OUTPUT. It shows the real toolkit (@actions/core's getIDToken, fetch) does what the fake one stands for.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoPath } from "../../../test/support/repo-files.js";
import { jwt } from "./fake-gate-toolkit.js";

const SHA = "3f786850e387550fdab836ed7e6dc881de23001b";
const CLAIMS = {
  aud: "infracrew",
  repository: "acme/infra",
  run_id: "42",
  event_name: "workflow_dispatch",
  ref: "refs/heads/main",
  environment: "infracrew-apply",
  job_workflow_ref: "acme/infra/.github/workflows/infracrew-apply.yml@refs/heads/main",
};

let server: Server;
let base = "";
let ruleEnabled = true;
const seen: { url: string; authorization: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    seen.push({ url: req.url ?? "", authorization: req.headers.authorization });
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/token" && req.headers.authorization === "Bearer runner-request-token") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ value: jwt({ ...CLAIMS, aud: url.searchParams.get("audience") }) }));
      return;
    }
    if (url.pathname === "/api/repos/acme/infra/environments/infracrew-apply/deployment_protection_rules") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          total_count: 1,
          custom_deployment_protection_rules: [
            { id: 1, enabled: ruleEnabled, app: { id: 77, slug: "infracrew" } },
          ],
        }),
      );
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function runBundle(): Promise<{ code: number; stdout: string; outputs: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), "gate-"));
  const outputFile = path.join(dir, "output");
  await writeFile(outputFile, "");
  const env = {
    PATH: process.env.PATH ?? "",
    GITHUB_OUTPUT: outputFile,
    GITHUB_REPOSITORY: "acme/infra",
    GITHUB_RUN_ID: "42",
    GITHUB_API_URL: `${base}/api`,
    ACTIONS_ID_TOKEN_REQUEST_URL: `${base}/token?api-version=2.0`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: "runner-request-token",
    INPUT_PR: "12",
    INPUT_STACK: "checkout-api",
    INPUT_MODE: "rollback",
    INPUT_SHA: SHA,
    INPUT_NONCE: "0123456789abcdef0123456789abcdef",
    "INPUT_DEFAULT-BRANCH": "main",
    "INPUT_GITHUB-TOKEN": "ghs_job-token",
  };
  const child = spawn(process.execPath, [repoPath("actions/gate/dist/index.mjs")], { env });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? -1)));
  return { code, stdout, outputs: await readFile(outputFile, "utf8") };
}

describe("the bundled gate on a runner", () => {
  it("gets the job's token with the audience infracrew, checks the App's rule, and sets the outputs", async () => {
    ruleEnabled = true;
    const { code, stdout, outputs } = await runBundle();
    expect(stdout).not.toContain("::error::");
    expect(code).toBe(0);
    expect(seen.map((s) => s.url)).toEqual([
      "/token?api-version=2.0&audience=infracrew",
      "/api/repos/acme/infra/environments/infracrew-apply/deployment_protection_rules",
    ]);
    expect(seen[1]!.authorization).toBe("Bearer ghs_job-token");
    expect(outputs).toMatch(/^stack<<ghadelimiter_[0-9a-f-]+\ncheckout-api\n/m);
    expect(outputs).toMatch(new RegExp(`checkout-ref<<ghadelimiter_[0-9a-f-]+\\n${SHA}\\n`));
    // The token and the GitHub token are masked.
    expect(stdout).toContain("::add-mask::ghs_job-token");
  });

  it("exits 1 with the reason when the rule is not enabled, and sets no outputs", async () => {
    ruleEnabled = false;
    const { code, stdout, outputs } = await runBundle();
    expect(code).toBe(1);
    expect(stdout).toContain(
      "::error::Infracrew gate: INFRACREW_APP_URL is not set and the environment infracrew-apply",
    );
    expect(outputs).toBe("");
  });
});
