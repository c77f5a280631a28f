import { checkCommand } from "./check.js";
import type { Command } from "./command.js";
import { validateCommand } from "./validate.js";

/** Every infracrew command, in the order --help lists them. */
export const COMMANDS: readonly Command[] = [validateCommand, checkCommand];
