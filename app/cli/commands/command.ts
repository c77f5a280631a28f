import type { CliIo } from "../io.js";

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly help: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}
