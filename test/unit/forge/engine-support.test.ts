import { describe, expect, it } from "vitest";
import { designGoal } from "../../../app/agents/atlas/index.js";
import {
  databaseNameProblem,
  defaultDatabaseName,
} from "../../../app/agents/forge/catalog/database-names.js";
import {
  dayOf,
  ENGINE_SUPPORT,
  supportedRelease,
  type EngineKey,
} from "../../../app/agents/forge/catalog/engine-support.js";
import { DATABASE_ENGINES } from "../../../app/agents/forge/catalog/engines.js";
import { checkPlanSpecForRender } from "../../../app/agents/forge/index.js";
import type { DesignBlocked, GoalStatement, PlanSpec } from "../../../app/contracts/generated/index.js";
import type { DatabaseComponent } from "../../../app/contracts/generated/plan-spec.js";
import { defaultPolicy } from "../../../app/contracts/policy-intake.js";
import { loadPlanSpec } from "../../support/forge-stacks.js";

/** The run's date: this test is meant to fail on the day a default leaves standard support. */
const today = new Date();

const KEYS = Object.keys(ENGINE_SUPPORT) as EngineKey[];

describe("the dated engine support table", () => {
  it.each(KEYS)(
    `%s: the default version is in AWS standard support on the run's date (${dayOf(today)})`,
    (key) => {
      const release = ENGINE_SUPPORT[key].releases[0]!;
      if (release.standardSupportEnds !== undefined) {
        expect(
          release.standardSupportEnds > dayOf(today),
          `${ENGINE_SUPPORT[key].name} ${release.version} left standard support on ${release.standardSupportEnds}: update app/agents/forge/catalog/engine-support.ts`,
        ).toBe(true);
      }
      expect(release.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    },
  );

  it("Forge's defaults are the table's first releases, and every version parses to its major", () => {
    for (const flavor of ["rds", "aurora"] as const)
      for (const engine of ["postgres", "mysql"] as const) {
        const e = DATABASE_ENGINES[flavor][engine];
        expect(e.defaultVersion).toBe(ENGINE_SUPPORT[e.support].releases[0]!.version);
        for (const r of ENGINE_SUPPORT[e.support].releases) expect(e.major(r.version)).toBe(r.major);
      }
  });

  it("picks by the injected date: MySQL 8.0 never, PostgreSQL 18 once 17 has left standard support", () => {
    expect(supportedRelease("rds-mysql", new Date("2026-01-01T00:00:00Z"))?.version).toBe("8.4");
    expect(supportedRelease("rds-mysql", new Date("2029-07-31T00:00:00Z"))).toBeUndefined();
    expect(supportedRelease("rds-postgres", new Date("2030-02-27T23:59:59Z"))?.version).toBe("17");
    expect(supportedRelease("rds-postgres", new Date("2030-02-28T00:00:00Z"))?.version).toBe("18");
  });
});

function mysqlApi(now: Date): ReturnType<typeof designGoal> {
  const goal: GoalStatement = {
    schemaVersion: "0.1",
    kind: "GoalStatement",
    name: "orders-api",
    summary: "Orders REST API on MySQL",
    cloud: "aws",
    region: "us-east-1",
    environment: "prod",
    workload: { type: "web-api", image: "ghcr.io/acme/orders:2.0.0" },
    traffic: { peakRps: 100 },
    slo: { availability: 99.9 },
    data: { relational: { engine: "mysql", storageGb: 50 } },
    budget: { monthlyUsd: 3000 },
  };
  return designGoal(goal, defaultPolicy(), { now });
}

describe("Atlas creates only engine versions in standard support on its date", () => {
  it("a MySQL API designed on 2026-11-27 gets MySQL 8.4 (8.0 left standard support on 2026-07-31)", () => {
    const outcome = mysqlApi(new Date("2026-11-27T00:00:00Z"));
    const db = (outcome.value as PlanSpec).components.find((c) => c.kind === "database") as DatabaseComponent;
    expect(db.params.engineVersion).toBe(db.params.flavor === "rds" ? "8.4" : "8.0.mysql_aurora.3.10.0");
    expect(db.params.databaseName).toBe("orders_api");
  });

  it("designed past every MySQL version's standard support, it is blocked and names data.relational.engine", () => {
    const outcome = mysqlApi(new Date("2032-01-01T00:00:00Z"));
    expect(outcome.kind).toBe("DesignBlocked");
    const blocked = outcome.value as DesignBlocked;
    expect(blocked.reasons[0]).toMatchObject({
      code: "engine-out-of-support",
      field: "data.relational.engine",
    });
    expect(blocked.suggestions[0]!.field).toBe("data.relational.engine");
  });
});

describe("database names RDS accepts", () => {
  it.each([
    ["checkout-api", "postgres", "checkout_api"],
    ["select", "postgres", "select_db"],
    ["database", "mysql", "database_db"],
    ["database", "postgres", "database"],
    ["a1-b2", "mysql", "a1_b2"],
  ] as const)("%s (%s) → %s", (stack, engine, expected) => {
    expect(defaultDatabaseName(stack, engine)).toBe(expected);
    expect(databaseNameProblem(expected, engine)).toBeUndefined();
  });

  it("refuses reserved words, a leading digit and other characters", () => {
    expect(databaseNameProblem("database", "mysql")).toMatch(/MySQL reserves/);
    expect(databaseNameProblem("user", "postgres")).toMatch(/PostgreSQL reserves/);
    expect(databaseNameProblem("1orders", "postgres")).toMatch(/begin with a letter/);
    expect(databaseNameProblem("orders-db", "mysql")).toMatch(/letters, digits and underscores/);
  });

  it("Forge refuses a PlanSpec whose database name the engine reserves", () => {
    const spec = loadPlanSpec("test/fixtures/forge/plan-spec-ledger-api.json");
    const components = spec.components.map((c) =>
      c.kind === "database" ? { ...c, params: { ...c.params, databaseName: "database" } } : c,
    );
    const problems = checkPlanSpecForRender({ ...spec, components } as PlanSpec);
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      expect.stringMatching(/params\.databaseName: is a word MySQL reserves, so RDS would refuse it/),
    ]);
  });
});
