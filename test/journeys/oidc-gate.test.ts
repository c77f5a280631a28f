import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { JWKS_URL, applyClaims, otherKeys, publicJwk, signToken } from "../support/oidc-issuer.js";
import { serve } from "../support/serve.js";
import { approveAndApply, waitingForApproval } from "../support/journey-steps.js";

/**
 * The gate of private repositories without custom deployment protection rules: the apply job's first step presents
 * its GitHub Actions OIDC token to the App's /infracrew/gate, through the real app and its store.
 */

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** GitHub's key set, served to the App's key client once (it caches it). */
function githubKeys(): void {
  nock("https://token.actions.githubusercontent.com")
    .get(new URL(JWKS_URL).pathname)
    .reply(200, { keys: [publicJwk()] });
}

describe("journey: the OIDC gate of the apply job", () => {
  it("approves the App's run once, for exactly the dispatch it recorded, and refuses forged, foreign and replayed tokens", async () => {
    const j = await waitingForApproval();
    const approved = await approveAndApply(j, "bob", 8001);
    const nonce = approved.inputs.nonce;
    const server = await serve(j.app.handlers as Parameters<typeof serve>[0]);
    close = server.close;
    githubKeys();
    const gate = (token: string, body: unknown = { nonce }) =>
      fetch(`${server.url}/infracrew/gate`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const claims = (over: Record<string, unknown> = {}) => applyClaims({ run_id: "401", ...over });

    // A run mallory dispatched herself on the default branch, presenting the App's nonce: refused.
    const handDispatched = await gate(signToken(claims({ run_id: "777", actor: "mallory" })));
    expect(handDispatched.status).toBe(403);
    expect(await handDispatched.json()).toMatchObject({
      approved: false,
      reason: expect.stringMatching(/dispatched by @mallory, not by the App/),
    });

    // A token signed with another key: not GitHub's.
    expect((await gate(signToken(claims(), { privateKey: otherKeys().privateKey }))).status).toBe(401);

    // The same workflow file on mallory's branch (the role's job_workflow_ref pin refuses its credentials too).
    const branch = await gate(
      signToken(
        claims({
          ref: "refs/heads/mallory",
          job_workflow_ref: "acme/infra/.github/workflows/infracrew-apply.yml@refs/heads/mallory",
        }),
      ),
    );
    expect(branch.status).toBe(403);

    // The App's own run 401: approved, with the dispatch the job must match its inputs against.
    const ok = await gate(signToken(claims()));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      approved: true,
      dispatch: {
        pr: 12,
        stack: "checkout-api",
        mode: "apply",
        sha: approved.inputs.sha,
        targetSha: null,
        nonce,
        plan: {
          runId: Number(approved.inputs.plan_run_id),
          artifactId: Number(approved.inputs.plan_artifact_id),
          sha256: approved.inputs.plan_sha256,
        },
      },
    });

    // A person re-running it: attempt 2. Refused: a dispatch applies once.
    expect((await gate(signToken(claims({ run_attempt: "2" })))).status).toBe(403);

    const rows = (await j.app.store.auditFor("acme/infra", 12)).filter((a) => a.action === "gate (oidc)");
    expect(rows.map((a) => `${a.details?.runId} ${a.decision}`)).toEqual([
      "777 rejected",
      "401 rejected",
      "401 approved",
      "401 rejected",
    ]);
  });
});
