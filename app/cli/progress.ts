import type { Output } from "./io.js";

/** `412 ms`, `1.8 s`. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export type StepState = "ok" | "fail" | "note";

const MARKS: Readonly<Record<StepState, string>> = { ok: "✔", fail: "✖", note: "!" };
const COLOURS: Readonly<Record<StepState, string>> = { ok: "32", fail: "31", note: "33" };

/**
 * Live progress on stderr: one line per step, with what it did and how long it took. On a terminal a step shows
 * while it runs and is then replaced by its result, with a coloured mark; elsewhere (a pipe, a CI log) each
 * line is plain text, written when the step ends.
 */
export class Progress {
  private readonly width: number;

  constructor(
    private readonly out: Output,
    private readonly clock: () => number,
    names: readonly string[],
  ) {
    this.width = Math.max(...names.map((n) => n.length));
  }

  private paint(colour: string, text: string): string {
    return this.out.isTTY ? `\x1b[${colour}m${text}\x1b[0m` : text;
  }

  line(text: string): void {
    this.out.write(`${text}\n`);
  }

  /** Runs one step, showing it while it runs (on a terminal) and its result and time when it ends. */
  async step<T>(
    name: string,
    doing: string,
    work: () => Promise<T> | T,
    done: (value: T) => { readonly state: StepState; readonly text: string },
  ): Promise<T> {
    const label = name.padEnd(this.width);
    if (this.out.isTTY) this.out.write(`${this.paint("2", "…")} ${label}  ${doing}`);
    const start = this.clock();
    const value = await work();
    const time = formatDuration(this.clock() - start);
    const { state, text } = done(value);
    const mark = this.out.isTTY ? `\r\x1b[2K${this.paint(COLOURS[state], MARKS[state])} ` : "";
    this.out.write(`${mark}${label}  ${text} ${this.paint("2", `(${time})`)}\n`);
    return value;
  }
}
