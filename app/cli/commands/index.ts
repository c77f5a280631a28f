import { auditCommand } from "./audit.js";
import { checkCommand } from "./check.js";
import type { Command } from "./command.js";
import { planCommand } from "./plan.js";
import { renderCommand } from "./render.js";
import { runCommand } from "./run.js";
import { validateCommand } from "./validate.js";

/** Every infracrew command, in the order --help lists them. */
export const COMMANDS: readonly Command[] = [
  runCommand,
  validateCommand,
  planCommand,
  renderCommand,
  checkCommand,
  auditCommand,
];
