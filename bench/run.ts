/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints its figures.
 * Each module exports `title` and `run(): Promise<BenchRow[]>`.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { formatRows, type BenchRow } from "./harness.js";

interface BenchModule {
  title: string;
  run(): Promise<BenchRow[]>;
}

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = (await readdir(dir))
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
if (files.length === 0) {
  console.error(`no benchmark matches ${only.join(", ")}`);
  process.exit(2);
}
console.log(`node ${process.version}, ${process.platform}/${process.arch}\n`);
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as BenchModule;
  console.log(`${mod.title} (${file})`);
  console.log(formatRows(await mod.run()));
}
