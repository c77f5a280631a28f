import { performance } from "node:perf_hooks";

export interface BenchRow {
  readonly name: string;
  /** The figure, in `unit`. */
  readonly value: number;
  readonly unit: string;
  /** What the figure is measured against, e.g. "target ≤ 5 ms". */
  readonly note?: string;
}

export interface Timing {
  readonly runs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly minMs: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** Times `fn` over many runs after a warm-up, and reports the median, p95 and minimum. */
export async function time(
  fn: () => unknown,
  options: { runs?: number; warmup?: number } = {},
): Promise<Timing> {
  const runs = options.runs ?? 200;
  for (let i = 0; i < (options.warmup ?? Math.min(20, runs)); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { runs, medianMs: percentile(samples, 0.5), p95Ms: percentile(samples, 0.95), minMs: samples[0]! };
}

export function formatRows(rows: readonly BenchRow[]): string {
  const width = Math.max(...rows.map((r) => r.name.length), 4);
  const lines = rows.map((r) => {
    const value =
      r.value >= 100 ? r.value.toFixed(0) : r.value >= 10 ? r.value.toFixed(1) : r.value.toFixed(2);
    return `  ${r.name.padEnd(width)}  ${value.padStart(9)} ${r.unit}${r.note ? `  (${r.note})` : ""}`;
  });
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
