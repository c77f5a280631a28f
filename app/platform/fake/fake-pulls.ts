import type { PullRequest } from "../platform.js";
import type { FakeGit } from "./fake-git.js";
import { githubFailure, notFound } from "./fake-failure.js";

type StoredPull = { -readonly [K in keyof PullRequest]: PullRequest[K] } & { readonly baseSha: string };

/** Pull requests over the fake git: heads follow their branch, merges move the base. */
export class FakePulls {
  private readonly pulls = new Map<number, StoredPull>();

  constructor(
    private readonly git: FakeGit,
    private readonly write: (entry: string) => void,
    private readonly labelsOf: (number: number) => readonly string[],
    private readonly url: (number: number) => string,
  ) {}

  /** The paths that differ between the pull request's base and head trees. */
  changedFiles(number: number): string[] {
    const pull = this.pulls.get(number);
    if (!pull) throw githubFailure("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", 404, "Not Found");
    const base = this.git.treeOf(pull.baseSha);
    const head = this.git.treeOf(pull.headSha);
    const paths = new Set([...base.keys(), ...head.keys()]);
    return [...paths].filter((p) => base.get(p) !== head.get(p)).sort();
  }

  /** Opens pull request `number` (its issue side is the caller's), or fails with GitHub's 422. */
  open(
    number: number,
    input: { branch: string; base: string; title: string; body: string; author: string },
  ): void {
    const route = "POST /repos/{owner}/{repo}/pulls";
    const headSha = this.git.branchSha(input.branch);
    const baseSha = this.git.branchSha(input.base);
    if (headSha === undefined || baseSha === undefined)
      throw githubFailure(route, 422, "Validation Failed: head or base invalid");
    if (this.findOpen(input.branch)) {
      throw githubFailure(
        route,
        422,
        `Validation Failed: A pull request already exists for ${input.branch}.`,
      );
    }
    this.write(`createPullRequest #${number} ${input.branch} → ${input.base}`);
    const pull: StoredPull = {
      number,
      url: this.url(number),
      headSha,
      headRef: input.branch,
      baseRef: input.base,
      baseSha,
      title: input.title,
      body: input.body,
      state: "open",
      merged: false,
      labels: [],
      author: input.author,
    };
    this.pulls.set(number, pull);
  }

  /** A push to `branch` moves the head of its open pull request. */
  branchMoved(branch: string, sha: string): void {
    for (const pull of this.pulls.values())
      if (pull.state === "open" && pull.headRef === branch) pull.headSha = sha;
  }

  /** Every pull request, open or closed, in number order. */
  all(): readonly PullRequest[] {
    return [...this.pulls.keys()].sort((a, b) => a - b).map((n) => this.get(n));
  }

  findOpen(branch: string): PullRequest | undefined {
    const found = [...this.pulls.values()].find((p) => p.state === "open" && p.headRef === branch);
    return found && this.snapshot(found);
  }

  get(number: number): PullRequest {
    return this.snapshot(this.pull(number, "GET /repos/{owner}/{repo}/pulls/{pull_number}"));
  }

  update(number: number, input: { title?: string; body?: string }): void {
    const pull = this.pull(number, "PATCH /repos/{owner}/{repo}/pulls/{pull_number}");
    if (input.title === undefined && input.body === undefined) return;
    this.write(`updatePullRequest #${number}`);
    if (input.title !== undefined) pull.title = input.title;
    if (input.body !== undefined) pull.body = input.body;
  }

  close(number: number): void {
    this.pull(number, "PATCH /repos/{owner}/{repo}/pulls/{pull_number}").state = "closed";
  }

  /** GitHub's answers: 405 when the pull request is not open, 409 when its head is not `sha`. */
  merge(number: number, sha: string, method: string): { readonly merged: boolean; readonly message: string } {
    const pull = this.pull(number, "PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge");
    if (pull.state !== "open") return { merged: false, message: "Pull Request is not mergeable" };
    if (pull.headSha !== sha)
      return { merged: false, message: "Head branch was modified. Review and try the merge again." };
    this.write(`mergePullRequest #${number} at ${sha} (${method})`);
    const base = this.git.branchSha(pull.baseRef) as string;
    const head = this.git.treeOf(sha);
    const removed = [...this.git.treeOf(base).keys()].filter((path) => !head.has(path));
    const changes = [
      ...[...head].map(([path, content]) => ({ path, content })),
      ...removed.map((path) => ({ path, content: null })),
    ];
    this.git.refs.set(
      `refs/heads/${pull.baseRef}`,
      this.git.commitChanges(base, changes, pull.title, [base, sha]),
    );
    Object.assign(pull, { state: "closed", merged: true });
    return { merged: true, message: "Pull Request successfully merged" };
  }

  /** The pull requests whose own commits (not their base's) include `sha`. */
  forCommit(sha: string): readonly PullRequest[] {
    return [...this.pulls.values()]
      .filter((pull) => this.git.ancestry(pull.headSha).has(sha) && !this.git.ancestry(pull.baseSha).has(sha))
      .map((pull) => this.snapshot(pull));
  }

  private snapshot(pull: StoredPull): PullRequest {
    const { baseSha: _baseSha, ...rest } = pull;
    return { ...rest, labels: this.labelsOf(pull.number) };
  }

  private pull(number: number, route: string): StoredPull {
    const found = this.pulls.get(number);
    if (found === undefined) throw notFound(route);
    return found;
  }
}
