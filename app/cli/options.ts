import { closest, type Problem } from "../contracts/problem.js";

export interface ParsedOptions {
  /** `--name value` and `--name=value`, by option name. */
  readonly values: ReadonlyMap<string, string>;
  /** Options that take no value and were given. */
  readonly flags: ReadonlySet<string>;
  /** Arguments that are not options, in order. */
  readonly positionals: readonly string[];
  /** Every mistake, each naming the option. */
  readonly problems: readonly Problem[];
}

export interface OptionSpec {
  /** The command, for "is not an option of infracrew <command>". */
  readonly command: string;
  /** Options that take a value. */
  readonly options: readonly string[];
  /** Options that take none. */
  readonly flags?: readonly string[];
}

/** Reads a command's options; a mistake (unknown, missing value, given twice) is a problem, never a throw. */
export function parseOptions(args: readonly string[], spec: OptionSpec): ParsedOptions {
  const flagNames = spec.flags ?? [];
  const known = [...spec.options, ...flagNames];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  const problems: Problem[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.startsWith("--") ? (arg.split(/=(.*)/s, 2) as [string, string?]) : [arg];
    if (flagNames.includes(name)) {
      if (inline !== undefined) problems.push({ path: name, message: "takes no value" });
      else flags.add(name);
      continue;
    }
    if (!spec.options.includes(name)) {
      const hint = known.find((o) => o.startsWith(name)) ?? closest(name, known);
      problems.push({
        path: name,
        message: `is not an option of infracrew ${spec.command}${hint ? ` (did you mean ${hint}?)` : ""}`,
      });
      // Its value, if it has one, is not a second mistake.
      if (inline === undefined && args[i + 1] !== undefined && !args[i + 1]!.startsWith("-")) i++;
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined || value === "" || (inline === undefined && value.startsWith("--"))) {
      problems.push({ path: name, message: "needs a value" });
      if (value?.startsWith("--")) i--;
    } else if (values.has(name)) {
      problems.push({ path: name, message: "is given twice" });
    } else {
      values.set(name, value);
    }
  }
  return { values, flags, positionals, problems };
}
