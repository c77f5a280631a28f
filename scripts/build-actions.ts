/**
 * Bundles each JavaScript action: actions/<name>/src/run.ts -> actions/<name>/dist/index.mjs (one file, with
 * its dependencies, as GitHub runs it). `--check` rebuilds in memory and fails when a committed dist/ is stale.
 */
import { readFile, readdir, writeFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const actionsDir = path.join(root, "actions");
const check = process.argv.includes("--check");

const banner = [
  "// Bundled by scripts/build-actions.ts from src/. Do not edit; run `npm run build:actions`.",
  'import { createRequire as __infracrewCreateRequire } from "node:module";',
  "const require = __infracrewCreateRequire(import.meta.url);",
].join("\n");

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    write: false,
    minify: false,
    legalComments: "none",
    sourcemap: false,
    banner: { js: banner },
    logLevel: "warning",
  });
  return result.outputFiles[0]!.text;
}

const names = existsSync(actionsDir) ? (await readdir(actionsDir)).sort() : [];
const stale: string[] = [];
for (const name of names) {
  const entry = path.join(actionsDir, name, "src", "run.ts");
  if (!existsSync(entry)) continue;
  const out = path.join(actionsDir, name, "dist", "index.mjs");
  const text = await bundle(entry);
  const current = await readFile(out, "utf8").catch(() => undefined);
  if (current === text) continue;
  stale.push(path.relative(root, out));
  if (!check) {
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, text);
  }
}
if (check && stale.length > 0) {
  console.error(
    `Bundled actions are stale: ${stale.join(", ")}. Run \`npm run build:actions\` and commit dist/.`,
  );
  process.exit(1);
}
console.log(check ? "Bundled actions are current." : `Bundled ${stale.length} action(s).`);
