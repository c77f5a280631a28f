import { zipSync } from "fflate";
import { unpackArtifactZip } from "../artifact-zip.js";
import { checkDispatchInputs } from "../input-rules.js";
import type { WorkflowArtifact } from "../platform.js";
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

  dispatch(file: string, ref: string, inputs: Readonly<Record<string, string>>): void {
    checkDispatchInputs(inputs);
    this.write(`dispatchWorkflow ${file} on ${ref} ${JSON.stringify(inputs)}`);
    this.dispatches.push({ file, ref, inputs: { ...inputs } });
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
