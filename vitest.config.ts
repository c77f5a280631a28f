import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "actions/*/test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    pool: "forks",
    reporters: ["default"],
    // @actions/workflow-parser imports its JSON schema without an import attribute, which Node refuses; Vite
    // transforms it instead.
    server: { deps: { inline: ["@actions/workflow-parser"] } },
  },
});
