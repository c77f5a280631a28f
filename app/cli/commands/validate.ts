import { readArtifact } from "../../contracts/artifact-intake.js";
import { EXIT } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { readTextFile } from "../read-text-file.js";
import { reportProblems } from "../report-problems.js";
import type { Command } from "./command.js";

export const validateCommand: Command = {
  name: "validate",
  summary: "Check artifact files (json, yaml, or a markdown goal) against their contracts",
  usage: "infracrew validate <file…>",
  help: [
    "Validates each file against the contract its `kind` names. A .md file is read as a goal (issue form or",
    "fenced block); .github/infracrew.yml is the OrgPolicy. Exits 0 when every file is valid, 2 otherwise,",
    "with one message per problem on stderr.",
  ].join("\n"),
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const files = args.filter((a) => !a.startsWith("-"));
    const unknown = args.filter((a) => a.startsWith("-"));
    if (unknown.length > 0) {
      io.stderr.write(`infracrew validate: unknown option ${unknown[0]}\n`);
      return EXIT.badInput;
    }
    if (files.length === 0) {
      io.stderr.write("infracrew validate: name at least one file (usage: infracrew validate <file…>)\n");
      return EXIT.badInput;
    }
    let invalid = 0;
    for (const file of files) {
      const text = await readTextFile(io, file);
      const artifact = text.ok ? readArtifact(text.value, file) : text;
      if (artifact.ok) {
        io.stdout.write(`ok ${file} (${artifact.value.kind})\n`);
      } else {
        invalid++;
        reportProblems(io.stderr, file, artifact.problems);
      }
    }
    if (invalid > 0 && files.length > 1) io.stderr.write(`${invalid} of ${files.length} files are invalid\n`);
    return invalid > 0 ? EXIT.badInput : EXIT.ok;
  },
};
