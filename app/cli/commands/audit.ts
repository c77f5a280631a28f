import { renderAuditText } from "../../render/audit-log.js";
import { describeStore, openStore, storeConfigFromEnv } from "../../store/open-store.js";
import { EXIT } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { parseOptions } from "../options.js";
import { reportProblems } from "../report-problems.js";
import type { Command } from "./command.js";

/** `owner/repo#12` (a pull request) or `owner/repo` (the repository's decisions that name no pull request). */
const TARGET = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)(?:#([1-9][0-9]{0,9}))?$/;

export const auditCommand: Command = {
  name: "audit",
  summary: "Print a pull request's audit log from the App's state of record",
  usage: "infracrew audit <owner>/<repo>#<pr> [--format text|json]",
  help: [
    "Prints every decision the App recorded for the pull request, oldest first: accepted and refused commands,",
    "approvals, dispatches, the gate's answers, results, rollbacks and SLA breaches, with who, the commit and why.",
    "`<owner>/<repo>` alone prints the repository's decisions that name no pull request (runs it ignored).",
    "Reads the store the App uses: DATABASE_URL (PostgreSQL), else INFRACREW_DATA_DIR (default ./.infracrew).",
    "--format json prints the entries as a JSON array.",
  ].join("\n"),
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const parsed = parseOptions(args, { command: "audit", options: ["--format"] });
    const format = parsed.values.get("--format") ?? "text";
    const problems = [...parsed.problems];
    if (format !== "text" && format !== "json")
      problems.push({ path: "--format", message: `must be text or json (got "${format}")` });
    const [target, ...extra] = parsed.positionals;
    const match = target === undefined ? null : TARGET.exec(target);
    if (!match)
      problems.push({
        path: "target",
        message: `must be <owner>/<repo>#<pr> or <owner>/<repo>${target === undefined ? "" : ` (got "${target}")`}`,
      });
    if (extra.length > 0)
      problems.push({ path: "target", message: `one target only (got "${extra.join(" ")}" too)` });
    if (problems.length > 0 || !match) {
      reportProblems(io.stderr, "infracrew audit", problems);
      return EXIT.badInput;
    }
    const config = storeConfigFromEnv(io.env);
    if (!config.databaseUrl && (await io.fileSize(config.dataDir ?? ".infracrew")) !== "directory") {
      io.stderr.write(
        `infracrew audit: there is no store at ${config.dataDir}: set DATABASE_URL to the App's PostgreSQL, or INFRACREW_DATA_DIR to its embedded store\n`,
      );
      return EXIT.badInput;
    }
    const store = await openStore(config, { migrate: false });
    try {
      const [, repo = "", pr] = match;
      const entries = await store.auditFor(repo, pr === undefined ? null : Number(pr));
      io.stdout.write(
        format === "json" ? `${JSON.stringify(entries, null, 2)}\n` : renderAuditText(target!, entries),
      );
      if (format === "text" && entries.length === 0) io.stderr.write(`(store: ${describeStore(config)})\n`);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
