import { defineConfig } from "vitest/config";

const JOURNEYS = "test/journeys/**/*.test.ts";

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 120_000,
    pool: "forks",
    reporters: ["default"],
    // A real PostgreSQL for the store's tests and the journeys, and the migrated images they start from
    // (test/setup/postgres.ts); started once for every project.
    globalSetup: ["test/setup/postgres.ts"],
    // @actions/workflow-parser imports its JSON schema without an import attribute, which Node refuses; Vite
    // transforms it instead.
    server: { deps: { inline: ["@actions/workflow-parser"] } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts", "actions/*/test/**/*.test.ts"],
          exclude: [JOURNEYS],
        },
      },
      // Every journey runs through the real app against both stores: PostgreSQL and the embedded PGlite.
      {
        extends: true,
        test: {
          name: "journeys (postgresql)",
          include: [JOURNEYS],
          env: { INFRACREW_JOURNEY_STORE: "postgresql" },
        },
      },
      {
        extends: true,
        test: { name: "journeys (pglite)", include: [JOURNEYS], env: { INFRACREW_JOURNEY_STORE: "pglite" } },
      },
    ],
  },
});
