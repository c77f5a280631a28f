/**
 * Bundles the infracrew command (app/cli/run.ts) into build/infracrew.mjs, so that the command starts without
 * compiling TypeScript. `npm ci` runs it (prepare). bin/infracrew.js falls back to the sources when the bundle is
 * missing or older than them, so an edit never runs stale code.
 */
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
await build({
  entryPoints: [path.join(root, "app/cli/run.ts")],
  outfile: path.join(root, "build/infracrew.mjs"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  packages: "external",
  legalComments: "none",
  logLevel: "warning",
});
console.log("Built build/infracrew.mjs");
