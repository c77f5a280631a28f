import type { Crew } from "../../app/conductor/crew.js";
import type { ConductorDeps } from "../../app/conductor/deps.js";
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

export function fakeDeps(
  over: Partial<ConductorDeps> & { platform?: FakePlatform } = {},
): ConductorDeps & { platform: FakePlatform; log: ReturnType<typeof memoryLog> } {
  return {
    platform: over.platform ?? new FakePlatform(),
    clock: over.clock ?? (() => new Date("2026-11-27T12:00:00Z")),
    log: memoryLog(),
    appLogin: "infracrew[bot]",
    crew: over.crew ?? stubCrew(),
    ...(over.notifier ? { notifier: over.notifier } : {}),
    ...(over.observer ? { observer: over.observer } : {}),
  } as ConductorDeps & { platform: FakePlatform; log: ReturnType<typeof memoryLog> };
}
