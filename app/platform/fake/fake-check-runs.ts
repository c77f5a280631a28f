import { prepareCheckRun } from "../check-run-rules.js";
import type { CheckRunAction, CheckRunInput } from "../platform.js";

export interface FakeCheckRun {
  readonly id: number;
  readonly name: string;
  readonly headSha: string;
  readonly status: CheckRunInput["status"];
  readonly conclusion: CheckRunInput["conclusion"];
  readonly title: string;
  readonly summary: string;
  readonly text: string | undefined;
  readonly actions: readonly CheckRunAction[];
  /** All annotations sent to this run so far (GitHub appends them). */
  readonly annotationCount: number;
  /** The requests GitHub would have taken: create or update, and one update per further 50 annotations. */
  readonly requests: number;
}

/** Check runs by name and head SHA, checked with the same rules as on GitHub. */
export class FakeCheckRuns {
  readonly runs: FakeCheckRun[] = [];

  constructor(
    private readonly write: (entry: string) => void,
    private readonly newId: () => number,
  ) {}

  find(name: string, headSha: string): FakeCheckRun | undefined {
    return this.runs.findLast((run) => run.name === name && run.headSha === headSha);
  }

  private byId(id: number): FakeCheckRun {
    const run = this.runs.find((r) => r.id === id);
    if (!run) throw new Error(`fake: no check run ${id}`);
    return run;
  }

  upsert(input: CheckRunInput): number {
    const prepared = prepareCheckRun(input);
    const batches = prepared.annotationBatches;
    // A known id is updated as is, like GitHub's PATCH by id (which fails for a run it does not have).
    const existing =
      input.knownId === undefined ? this.find(input.name, input.headSha) : this.byId(input.knownId);
    this.write(
      `${existing ? "updateCheckRun" : "createCheckRun"} ${input.name} on ${input.headSha}: ${input.status}`,
    );
    const run: FakeCheckRun = {
      id: existing?.id ?? this.newId(),
      name: existing?.name ?? input.name,
      headSha: existing?.headSha ?? input.headSha,
      status: input.status,
      conclusion: input.conclusion,
      title: input.title,
      summary: input.summary,
      text: input.text ?? existing?.text,
      actions: prepared.actions,
      annotationCount:
        (existing?.annotationCount ?? 0) + batches.reduce((sum, batch) => sum + batch.length, 0),
      requests: (existing?.requests ?? 0) + Math.max(1, batches.length),
    };
    if (existing) this.runs[this.runs.indexOf(existing)] = run;
    else this.runs.push(run);
    return run.id;
  }
}
