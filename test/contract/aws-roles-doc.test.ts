/** docs/aws-roles.md's trust policies say what the workflows do: the environment, the workflow files, the audience. */
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { NAMES } from "../../app/conductor/names.js";
import { readRepoFile } from "../support/repo-files.js";

interface Statement {
  Sid: string;
  Effect: string;
  Principal: { Federated: string };
  Action: string;
  Condition: { StringEquals: Record<string, string | string[]> };
}

const doc = readRepoFile("docs/aws-roles.md");
const policies = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map(
  (m) => JSON.parse(m[1]!) as { Version: string; Statement: Statement[] },
);
const statements = policies.flatMap((p) => p.Statement);
const bySid = (sid: string) => statements.find((s) => s.Sid === sid)!;
const KEY = "token.actions.githubusercontent.com";

describe("docs/aws-roles.md", () => {
  it("holds two trust policies that parse, for GitHub's OIDC provider, on the audience AWS's action asks for", () => {
    expect(policies).toHaveLength(2);
    for (const s of statements) {
      expect(s).toMatchObject({ Effect: "Allow", Action: "sts:AssumeRoleWithWebIdentity" });
      expect(s.Principal.Federated).toBe(`arn:aws:iam::ACCOUNT:oidc-provider/${KEY}`);
      expect(s.Condition.StringEquals[`${KEY}:aud`]).toBe("sts.amazonaws.com");
      for (const key of Object.keys(s.Condition.StringEquals))
        expect([`${KEY}:aud`, `${KEY}:sub`, `${KEY}:job_workflow_ref`]).toContain(key);
    }
  });

  it("trusts the apply role only in the apply workflow's environment, and only that workflow on the default branch", () => {
    const apply = YAML.parse(readRepoFile("templates/workflows", NAMES.applyWorkflow)) as {
      jobs: Record<string, { environment: string }>;
    };
    const environments = new Set(Object.values(apply.jobs).map((j) => j.environment));
    expect([...environments]).toEqual(["infracrew-apply"]);
    expect(bySid("InfracrewApplyFromTheApplyEnvironmentOnly").Condition.StringEquals).toEqual({
      [`${KEY}:aud`]: "sts.amazonaws.com",
      [`${KEY}:sub`]: "repo:OWNER/REPO:environment:infracrew-apply",
      [`${KEY}:job_workflow_ref`]: `OWNER/REPO/.github/workflows/${NAMES.applyWorkflow}@refs/heads/main`,
    });
  });

  it("never lets the plan role's statements match an apply job", () => {
    for (const sid of ["InfracrewPlanOnPullRequests", "InfracrewPlanAndDriftOnTheDefaultBranch"]) {
      const conditions = bySid(sid).Condition.StringEquals;
      expect(String(conditions[`${KEY}:sub`])).not.toContain("environment:");
      expect([conditions[`${KEY}:job_workflow_ref`] ?? []].flat().join(" ")).not.toContain(
        NAMES.applyWorkflow,
      );
    }
    expect(
      bySid("InfracrewPlanAndDriftOnTheDefaultBranch").Condition.StringEquals[`${KEY}:job_workflow_ref`],
    ).toEqual([
      `OWNER/REPO/.github/workflows/${NAMES.planWorkflow}@refs/heads/main`,
      "OWNER/REPO/.github/workflows/infracrew-drift.yml@refs/heads/main",
    ]);
  });

  it("names every variable and secret the workflows read", () => {
    const templates = ["infracrew-plan.yml", "infracrew-apply.yml", "infracrew-drift.yml"]
      .map((f) => readRepoFile("templates/workflows", f))
      .join("\n");
    const names = new Set([...templates.matchAll(/\b(?:vars|secrets)\.([A-Z0-9_]+)/g)].map((m) => m[1]!));
    expect(names.size).toBeGreaterThan(5);
    for (const name of names) expect(doc, name).toContain(`\`${name}\``);
  });
});
