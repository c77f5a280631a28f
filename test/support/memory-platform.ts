import type { Permission } from "../../app/conductor/approval-gate.js";
import type { CheckRunInput, Comment, Platform, PullRequest, RepoRef } from "../../app/platform/platform.js";

/**
 * A small in-memory Platform for the Slack and metrics tests: only what the Conductor uses to run a command
 * (comments, labels, refs, checks, dispatches, permissions). Anything else throws, so a test cannot rely on it.
 */
export class MemoryPlatform implements Platform {
  readonly comments = new Map<number, Comment[]>();
  readonly refs = new Map<string, string>();
  readonly dispatches: { file: string; ref: string; inputs: Readonly<Record<string, string>> }[] = [];
  readonly checks: CheckRunInput[] = [];
  readonly reactions: { commentId: number; content: string }[] = [];
  readonly closed: number[] = [];
  private nextId = 1000;

  constructor(
    readonly repo: RepoRef,
    private readonly prs: Map<number, PullRequest>,
    private readonly files: Record<string, string> = {},
    private readonly permissions: Record<string, Permission> = {},
  ) {}

  /** Every comment body on an issue or PR, oldest first. */
  bodies(issue: number): string[] {
    return (this.comments.get(issue) ?? []).map((c) => c.body);
  }

  async getPullRequest(number: number): Promise<PullRequest> {
    const pr = this.prs.get(number);
    if (!pr) throw Object.assign(new Error(`no PR #${number}`), { status: 404 });
    return pr;
  }
  async pullRequestsForCommit(sha: string): Promise<readonly PullRequest[]> {
    return [...this.prs.values()].filter((p) => p.headSha === sha);
  }
  async readFile(path: string): Promise<string | undefined> {
    return this.files[path];
  }
  async setLabels(issue: number, labels: readonly string[]): Promise<void> {
    const pr = await this.getPullRequest(issue);
    this.prs.set(issue, { ...pr, labels: [...labels] });
  }
  async findComment(issue: number, marker: string): Promise<Comment | undefined> {
    return this.comments.get(issue)?.find((c) => c.body.includes(marker));
  }
  async ensureComment(issue: number, marker: string, body: string): Promise<Comment> {
    const found = await this.findComment(issue, marker);
    if (!found) return { id: await this.createComment(issue, body), body };
    const updated = { id: found.id, body };
    this.comments.set(
      issue,
      this.comments.get(issue)!.map((c) => (c.id === found.id ? updated : c)),
    );
    return updated;
  }
  async createComment(issue: number, body: string): Promise<number> {
    const id = this.nextId++;
    this.comments.set(issue, [...(this.comments.get(issue) ?? []), { id, body }]);
    return id;
  }
  async addReaction(commentId: number, content: "eyes" | "+1" | "-1" | "rocket" | "confused"): Promise<void> {
    this.reactions.push({ commentId, content });
  }
  async closeIssue(issue: number): Promise<void> {
    this.closed.push(issue);
  }
  async upsertCheckRun(input: CheckRunInput): Promise<number> {
    this.checks.push(input);
    return this.checks.length;
  }
  async getPermission(login: string): Promise<Permission> {
    return this.permissions[login] ?? "none";
  }
  async isTeamMember(): Promise<boolean> {
    return false;
  }
  async dispatchWorkflow(file: string, ref: string, inputs: Readonly<Record<string, string>>): Promise<void> {
    this.dispatches.push({ file, ref, inputs });
  }
  async createRef(ref: string, sha: string): Promise<boolean> {
    if (this.refs.has(ref)) return false;
    this.refs.set(ref, sha);
    return true;
  }
  async getRef(ref: string): Promise<string | undefined> {
    return this.refs.get(ref);
  }
  async setRef(ref: string, sha: string): Promise<void> {
    this.refs.set(ref, sha);
  }
  async deleteRef(ref: string): Promise<boolean> {
    return this.refs.delete(ref);
  }

  getDefaultBranch = notUsed("getDefaultBranch");
  getBranchSha = notUsed("getBranchSha");
  commitFiles = notUsed("commitFiles");
  findOpenPullRequest = notUsed("findOpenPullRequest");
  createPullRequest = notUsed("createPullRequest");
  updatePullRequest = notUsed("updatePullRequest");
  mergePullRequest = notUsed("mergePullRequest");
  ensureLabel = notUsed("ensureLabel");
  listRunArtifacts = notUsed("listRunArtifacts");
  downloadArtifact = notUsed("downloadArtifact");
}

function notUsed(name: string): () => never {
  return () => {
    throw new Error(`MemoryPlatform.${name} is not part of these tests`);
  };
}
