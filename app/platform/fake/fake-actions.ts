import { zipSync } from "fflate";
import { unpackArtifactZip } from "../artifact-zip.js";
import { checkDispatchInputs } from "../input-rules.js";
import type { DispatchedRun, WorkflowArtifact, WorkflowRunInfo } from "../platform.js";
import { githubFailure, notFound } from "./fake-failure.js";

interface FakeArtifact extends WorkflowArtifact {
  readonly runId: number;
  readonly zip: Uint8Array;
}

/** Workflow dispatches and run artifacts (kept zipped, so the same size limits apply as on GitHub). */
export class FakeActions {
  readonly dispatches: {
    readonly file: string;
    readonly ref: string;
    readonly inputs: Record<string, string>;
  }[] = [];
  private readonly artifacts: FakeArtifact[] = [];
  readonly runs = new Map<number, WorkflowRunInfo>();
  readonly cancelled: number[] = [];
  readonly protectionAnswers: {
    readonly runId: number;
    readonly environment: string;
    readonly state: "approved" | "rejected";
    readonly comment: string;
  }[] = [];

  constructor(
    private readonly write: (entry: string) => void,
    private readonly newId: () => number,
  ) {}

  addArtifact(
    runId: number,
    name: string,
    files: Readonly<Record<string, string | Uint8Array>>,
    expired: boolean,
  ): number {
    const encoded = Object.entries(files).map(([path, data]) => [
      path,
      typeof data === "string" ? new TextEncoder().encode(data) : data,
    ]);
    const id = this.newId();
    this.artifacts.push({ id, runId, name, expired, zip: zipSync(Object.fromEntries(encoded)) });
    return id;
  }

  /** Dispatches, and starts a run as GitHub would: by the App, on `ref`, titled as the workflow's run-name says. */
  dispatch(
    file: string,
    ref: string,
    inputs: Readonly<Record<string, string>>,
    run: Omit<WorkflowRunInfo, "id" | "path" | "event" | "headBranch">,
  ): DispatchedRun {
    checkDispatchInputs(inputs);
    this.write(`dispatchWorkflow ${file} on ${ref} ${JSON.stringify(inputs)}`);
    this.dispatches.push({ file, ref, inputs: { ...inputs } });
    const id = this.newId();
    this.runs.set(id, {
      ...run,
      id,
      path: `.github/workflows/${file}`,
      event: "workflow_dispatch",
      headBranch: ref,
    });
    return { runId: id, htmlUrl: run.htmlUrl };
  }

  findDispatched(file: string, nonce: string): WorkflowRunInfo | undefined {
    return [...this.runs.values()].find(
      (r) =>
        r.path === `.github/workflows/${file}` &&
        r.event === "workflow_dispatch" &&
        r.displayTitle.endsWith(` n-${nonce}`),
    );
  }

  list(runId: number): readonly WorkflowArtifact[] {
    return this.artifacts
      .filter((a) => a.runId === runId)
      .map(({ id, name, expired }) => ({ id, name, expired }));
  }

  download(artifactId: number): ReadonlyMap<string, Uint8Array> {
    const route = "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}";
    const artifact = this.artifacts.find((a) => a.id === artifactId);
    if (artifact === undefined) throw notFound(route);
    if (artifact.expired) throw githubFailure(route, 410, "Artifact has expired");
    return unpackArtifactZip(String(artifactId), artifact.zip);
  }
}
