/**
 * Renders every docs/diagrams/src/*.mmd to docs/diagrams/svg/*.svg with one browser.
 * `--lint` renders to memory only, to check the syntax. Exits 1 on any Mermaid error.
 */
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  ChromiumLaunchError,
  ChromiumMissingError,
  launchMermaidBrowser,
  MermaidSyntaxError,
} from "../app/platform/mermaid/render-mermaid.js";

const root = path.resolve(import.meta.dirname, "..");
const srcDir = path.join(root, "docs", "diagrams", "src");
const svgDir = path.join(root, "docs", "diagrams", "svg");
const usage = "usage: tsx scripts/render-diagrams.ts [--lint]";

async function main(args: readonly string[]): Promise<number> {
  const unknown = args.filter((arg) => arg !== "--lint");
  if (unknown.length > 0) {
    console.error(`unknown argument ${unknown.join(" ")}\n${usage}`);
    return 2;
  }
  const lint = args.includes("--lint");
  const sources = (await readdir(srcDir)).filter((file) => file.endsWith(".mmd")).sort();
  if (sources.length === 0) {
    console.log(`no diagrams in ${path.relative(root, srcDir)}`);
    return 0;
  }

  const launchedAt = performance.now();
  const renderer = await launchMermaidBrowser();
  console.log(`chromium started in ${Math.round(performance.now() - launchedAt)} ms`);
  let failures = 0;
  try {
    if (!lint) await mkdir(svgDir, { recursive: true });
    for (const source of sources) {
      const name = path.basename(source, ".mmd");
      const sourcePath = path.relative(root, path.join(srcDir, source));
      const startedAt = performance.now();
      try {
        const svg = await renderer.render(await readFile(path.join(srcDir, source), "utf8"), { svgId: name });
        const took = `${Math.round(performance.now() - startedAt)} ms`;
        if (lint) {
          console.log(`ok ${sourcePath} (${took})`);
        } else {
          const svgPath = path.join(svgDir, `${name}.svg`);
          await writeFile(svgPath, `${svg}\n`);
          console.log(`${sourcePath} -> ${path.relative(root, svgPath)} (${took})`);
        }
      } catch (error) {
        if (!(error instanceof MermaidSyntaxError)) throw error;
        failures += 1;
        console.error(`${sourcePath}${error.line === undefined ? "" : `:${error.line}`}: ${error.message}`);
      }
    }
    if (!lint && failures === 0) await removeOrphans(new Set(sources.map((s) => path.basename(s, ".mmd"))));
  } finally {
    await renderer.close();
  }
  return failures > 0 ? 1 : 0;
}

async function removeOrphans(names: ReadonlySet<string>): Promise<void> {
  for (const file of await readdir(svgDir)) {
    if (!file.endsWith(".svg") || names.has(path.basename(file, ".svg"))) continue;
    await rm(path.join(svgDir, file));
    console.log(`removed ${path.relative(root, path.join(svgDir, file))}: its source is gone`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known = error instanceof ChromiumMissingError || error instanceof ChromiumLaunchError;
    console.error(known ? error.message : error);
    process.exitCode = 1;
  },
);
