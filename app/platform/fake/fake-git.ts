import { createHash } from "node:crypto";
import type { FileChange } from "../platform.js";

interface FakeCommit {
  readonly tree: ReadonlyMap<string, string>;
  readonly parents: readonly string[];
  readonly message: string;
}

/** Commits and refs in memory, with deterministic SHAs: the git side of the fake platform. */
export class FakeGit {
  private readonly commits = new Map<string, FakeCommit>();
  /** Fully qualified ref → SHA; branches are refs/heads/<name>. */
  readonly refs = new Map<string, string>();
  private counter = 0;

  constructor(defaultBranch: string) {
    this.refs.set(`refs/heads/${defaultBranch}`, this.commit(new Map(), [], "Initial commit"));
  }

  branchSha(branch: string): string | undefined {
    return this.refs.get(`refs/heads/${branch}`);
  }

  /** A commit SHA for a branch name or a SHA, as GitHub resolves `ref` parameters. */
  resolve(ref: string): string | undefined {
    return this.branchSha(ref) ?? (this.commits.has(ref) ? ref : undefined);
  }

  fileAt(sha: string, path: string): string | undefined {
    return this.commits.get(sha)?.tree.get(path);
  }

  treeOf(sha: string): ReadonlyMap<string, string> {
    return this.commits.get(sha)?.tree ?? new Map();
  }

  /**
   * A new commit whose tree is `base`'s with the changes applied. Its SHA is derived, or `sha` when a test seeds a
   * commit it names (as if pushed from elsewhere): 40 lowercase hex digits that no commit has yet.
   */
  commitChanges(
    base: string,
    files: readonly FileChange[],
    message: string,
    parents: readonly string[] = [base],
    sha?: string,
  ): string {
    const tree = new Map(this.treeOf(base));
    for (const file of files) {
      if (file.content === null) tree.delete(file.path);
      else tree.set(file.path, file.content);
    }
    return this.commit(tree, parents, message, sha);
  }

  /** `sha` and every commit it descends from. */
  ancestry(sha: string): Set<string> {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(this.commits.get(next)?.parents ?? []));
    }
    return seen;
  }

  private commit(
    tree: ReadonlyMap<string, string>,
    parents: readonly string[],
    message: string,
    named?: string,
  ): string {
    const sha =
      named ??
      createHash("sha1")
        .update(`${++this.counter}\u0000${message}\u0000${parents.join(",")}`)
        .digest("hex");
    if (!/^[0-9a-f]{40}$/.test(sha) || this.commits.has(sha)) {
      throw new Error(`a new commit cannot be named ${JSON.stringify(sha)}`);
    }
    this.commits.set(sha, { tree, parents, message });
    return sha;
  }
}
