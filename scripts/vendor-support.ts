/** What the vendor-*-interfaces scripts share: their command line and how they write JSON data files. */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { format, resolveConfig } from "prettier";

export interface VendorArgs {
  readonly files: string[];
  readonly flags: ReadonlyMap<string, string>;
  need(name: string): string;
}

/** Positional file arguments plus `--name value` flags. */
export function parseVendorArgs(argv: readonly string[]): VendorArgs {
  const files: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) {
      files.push(arg);
      continue;
    }
    const value = argv[++i];
    if (value === undefined) throw new Error(`${arg} needs a value`);
    flags.set(arg.slice(2), value);
  }
  return {
    files,
    flags,
    need(name) {
      const value = flags.get(name);
      if (value === undefined) throw new Error(`--${name} is required`);
      return value;
    },
  };
}

/** Writes data as JSON formatted the way the repository's prettier config formats it. */
export async function writeJsonData(file: string, data: unknown): Promise<void> {
  const options = (await resolveConfig(file)) ?? {};
  const text = await format(JSON.stringify(data), { ...options, parser: "json" });
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

/** Runs a script's main, turning a thrown error into a one-line message and exit code 2. */
export function runScript(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
}
