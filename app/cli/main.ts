import packageJson from "../../package.json" with { type: "json" };
import { closest } from "../contracts/problem.js";
import { COMMANDS } from "./commands/index.js";
import { EXIT } from "./exit-codes.js";
import type { CliIo } from "./io.js";

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `infracrew ${packageJson.version}: the Infracrew command line`,
    "",
    "Usage: infracrew <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Options:",
    "  -h, --help     Show help (also: infracrew <command> --help)",
    "  -v, --version  Show the version",
    "",
    "Exit codes: 0 ok or PASS, 1 Sentinel FAIL, 2 bad input, 3 design blocked.",
    "",
  ].join("\n");
}

/** Runs the CLI and returns its exit code; it writes only through `io`. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === "-h" || first === "--help" || first === "help") {
    (first === undefined ? io.stderr : io.stdout).write(usage());
    return first === undefined ? EXIT.badInput : EXIT.ok;
  }
  if (first === "-v" || first === "--version") {
    io.stdout.write(`${packageJson.version}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    const hint = closest(
      first,
      COMMANDS.map((c) => c.name),
    );
    io.stderr.write(
      `infracrew: unknown command "${first}"${hint ? ` (did you mean "${hint}"?)` : ""}\n\n${usage()}`,
    );
    return EXIT.badInput;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(`Usage: ${command.usage}\n\n${command.help}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`infracrew ${command.name}: internal error (please report it): ${detail}\n`);
    return EXIT.internal;
  }
}
