import { randomBytes } from "node:crypto";
import type { Crew } from "../../app/conductor/crew.js";
import type { ConductorDeps } from "../../app/runtime/deps.js";
import type { DesignBlocked, PlanSpec } from "../../app/contracts/generated/index.js";
import { contentHash } from "../../app/contracts/canonical.js";
import { FakePlatform } from "../../app/platform/fake-platform.js";
import { memoryLog } from "./memory-log.js";
import { readRepoFile } from "./repo-files.js";

/** A crew with fixed answers, for handler tests that are about the Conductor, not the agents. */
export function stubCrew(outcome: "plan" | "blocked" = "plan"): Crew {
  const spec = JSON.parse(readRepoFile("schemas/examples/plan-spec-invoice-worker.json")) as PlanSpec;
  const blocked = JSON.parse(readRepoFile("schemas/examples/design-blocked-budget.json")) as DesignBlocked;
  return {
    design: (goal) =>
      outcome === "plan"
        ? {
            kind: "PlanSpec",
            value: {
              ...spec,
              name: goal.name,
              goalRef: { name: goal.name, hash: contentHash(goal) },
              terraform: { dir: `infra/${goal.name}` },
            },
          }
        : { kind: "DesignBlocked", value: blocked },
    render: (s) => ({
      files: [
        { path: `${s.terraform.dir}/main.tf`, content: `# ${s.name}\n` },
        { path: `${s.terraform.dir}/planspec.json`, content: JSON.stringify(s) },
      ],
    }),
  };
}

export interface TestDeps extends ConductorDeps {
  readonly platform: FakePlatform;
  readonly log: ReturnType<typeof memoryLog>;
}

/** Nonces a test can predict: 0000…0001, 0000…0002, … */
export function countingNonces(): () => string {
  let n = 0;
  return () => (++n).toString(16).padStart(32, "0");
}

/**
 * The one way to get ConductorDeps in a test: the given store (a real one: test/support/test-stores.ts), a
 * FakePlatform (acme/infra), a fixed clock, a stub crew, random nonces (as the App draws them) and a log that keeps
 * its lines, each replaceable.
 */
export function fakeDeps(
  over: Partial<Omit<ConductorDeps, "platform" | "log">> & {
    readonly platform?: FakePlatform;
    readonly store: ConductorDeps["store"];
  },
): TestDeps {
  const {
    platform = new FakePlatform(),
    clock = () => new Date("2026-11-27T12:00:00Z"),
    crew = stubCrew(),
    nonce = () => randomBytes(16).toString("hex"),
    ...rest
  } = over;
  return {
    platform,
    clock,
    log: memoryLog(),
    appLogin: "infracrew[bot]",
    crew,
    nonce,
    worker: "test-worker",
    ...rest,
  };
}
