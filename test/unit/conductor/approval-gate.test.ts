import { describe, expect, it } from "vitest";
import {
  approvalsMet,
  mayAct,
  type ActorFacts,
  type Approval,
} from "../../../app/conductor/approval-gate.js";
import { policyWith } from "../../support/policies.js";

const actor = (over: Partial<ActorFacts>): ActorFacts => ({
  login: "alice",
  isBot: false,
  permission: "write",
  teams: [],
  ...over,
});

describe("mayAct", () => {
  const policy = policyWith({ approvals: { minPermission: "write", teams: ["acme/platform"] } });
  it.each([
    ["a writer", actor({}), { allowed: true, via: "write permission" }],
    ["an admin", actor({ permission: "admin" }), { allowed: true, via: "admin permission" }],
    ["a maintainer", actor({ permission: "maintain" }), { allowed: true, via: "maintain permission" }],
    [
      "a reader in the approver team",
      actor({ permission: "read", teams: ["acme/platform"] }),
      { allowed: true, via: "member of acme/platform" },
    ],
    [
      "a reader",
      actor({ permission: "read" }),
      {
        allowed: false,
        reason:
          "@alice has read permission; to approve you need write or more or membership of @acme/platform",
      },
    ],
    [
      "a bot with admin",
      actor({ login: "renovate[bot]", isBot: true, permission: "admin" }),
      { allowed: false, reason: "bots cannot approve" },
    ],
    [
      "someone without access",
      actor({ permission: "none" }),
      {
        allowed: false,
        reason:
          "@alice has none permission; to approve you need write or more or membership of @acme/platform",
      },
    ],
  ])("%s", (_name, facts, decision) => {
    expect(mayAct(facts, policy, "approve")).toEqual(decision);
  });

  it("honours a stricter minimum permission", () => {
    expect(
      mayAct(
        actor({ permission: "write" }),
        policyWith({ approvals: { minPermission: "admin" } }),
        "approve",
      ),
    ).toEqual({
      allowed: false,
      reason: "@alice has write permission; to approve you need admin or more",
    });
  });
});

describe("approvalsMet", () => {
  const sha = "a".repeat(40);
  const approval = (login: string, on = sha): Approval => ({
    login,
    sha: on,
    at: "2026-11-27T12:00:00Z",
    via: "comment",
  });
  it.each([
    ["one approval by someone else", 1, false, [approval("bob")], { met: true }],
    [
      "the author alone",
      1,
      false,
      [approval("carol")],
      {
        met: false,
        missing:
          "the authors of this change (@carol: the goal's author and editors, and whoever pushed to it) cannot approve alone: an approval from someone else is needed",
      },
    ],
    ["the author alone when self-approval is allowed", 1, true, [approval("carol")], { met: true }],
    [
      "the author and someone else when two are required",
      2,
      false,
      [approval("carol"), approval("bob")],
      { met: true },
    ],
    ["one of two", 2, false, [approval("bob")], { met: false, missing: "1 more approval needed (1/2)" }],
    [
      "an approval of another commit",
      1,
      false,
      [approval("bob", "b".repeat(40))],
      { met: false, missing: "1 more approval needed (0/1)" },
    ],
    ["none of three", 3, false, [], { met: false, missing: "3 more approvals needed (0/3)" }],
  ])("%s", (_name, required, allowSelfApproval, approvals, expected) => {
    const policy = policyWith({ approvals: { required, allowSelfApproval } });
    expect(approvalsMet(approvals, sha, ["carol"], policy)).toEqual(expected);
  });

  it.each([
    ["an editor of the goal approving alone", ["carol", "erin"], [approval("erin")], false],
    ["a pusher approving alone", ["carol", "bob"], [approval("bob")], false],
    ["a pusher with another case in the login", ["carol", "Bob"], [approval("bob")], false],
    ["a pusher and someone else", ["carol", "bob"], [approval("bob"), approval("dave")], true],
  ])("counts every author: %s", (_name, authors, approvals, met) => {
    const policy = policyWith({ approvals: { required: 1 } });
    expect(approvalsMet(approvals, sha, authors, policy).met).toBe(met);
  });
});
