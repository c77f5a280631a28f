import { createHash } from "node:crypto";
import type { Permission } from "../conductor/approval-gate.js";
import { FakeActions } from "./fake/fake-actions.js";
import { FakeEnvironments } from "./fake/fake-environments.js";
import { type FakeCheckRun, FakeCheckRuns } from "./fake/fake-check-runs.js";
import { notFound } from "./fake/fake-failure.js";
import { FakeGit } from "./fake/fake-git.js";
import { FakeIssues, type Reaction } from "./fake/fake-issues.js";
import { FakePulls } from "./fake/fake-pulls.js";
import type { GitHubPlatform } from "./github/create-github-platform.js";
import type {
  CheckRunInput,
  Comment,
  FileChange,
  PullRequest,
  RepoRef,
  WorkflowArtifact,
} from "./platform.js";

export type { FakeCheckRun } from "./fake/fake-check-runs.js";

/**
 * The Platform in memory, for unit tests of the Conductor and for dry runs. It keeps GitHub's contract (the shared
 * tests in test/adapter/platform-contract.ts run against both): the same limits, the same "not there" answers, and
 * GitHubApiError with GitHub's status where GitHub fails. `writes` lists every change in order: a dry run's report.
 */
export class FakePlatform implements GitHubPlatform {
  readonly repo: RepoRef;
  readonly git: FakeGit;
  readonly issues: FakeIssues;
  readonly pulls: FakePulls;
  readonly checks: FakeCheckRuns;
  readonly actions: FakeActions;
  readonly environments: FakeEnvironments;
  readonly writes: string[] = [];
  private readonly permissions = new Map<string, Permission>();
  private readonly teamMembers = new Set<string>();
  private nextNumber = 1;
  private nextId = 1001;

  constructor(
    repo: RepoRef = { owner: "acme", repo: "infra" },
    readonly defaultBranch = "main",
    readonly botLogin = "infracrew[bot]",
  ) {
    this.repo = { owner: repo.owner, repo: repo.repo };
    const write = (entry: string) => void this.writes.push(entry);
    const newId = () => this.nextId++;
    this.git = new FakeGit(defaultBranch);
    this.issues = new FakeIssues(write, newId);
    this.pulls = new FakePulls(
      this.git,
      write,
      (n) => this.issues.labelsOf(n),
      (n) => this.htmlUrl(`pull/${n}`),
    );
    this.checks = new FakeCheckRuns(write, newId);
    this.actions = new FakeActions(write, newId);
    this.environments = new FakeEnvironments(write);
  }

  // ---- the world a test starts from ----

  /**
   * Commits files onto a branch (made from the default branch when new); returns the commit, whose SHA is `sha` when
   * given (40 lowercase hex digits no commit has yet).
   */
  seedFiles(branch: string, files: Readonly<Record<string, string>>, message = "seed", sha?: string): string {
    const base = this.git.branchSha(branch) ?? (this.git.branchSha(this.defaultBranch) as string);
    const changes = Object.entries(files).map(([path, content]) => ({ path, content }));
    return this.moveBranch(branch, this.git.commitChanges(base, changes, message, [base], sha));
  }

  /** An open issue, numbered `number` when given (see seedPullRequest). */
  seedIssue(labels: readonly string[] = [], number = this.nextNumber): number {
    this.checkNewNumber(number);
    this.issues.open(number, labels);
    this.nextNumber = number + 1;
    return number;
  }

  /**
   * An open pull request from `branch`: a commit is pushed to it with `files` (or a file of its own) when files or a
   * `headSha` are given or the branch is new. `number` picks the PR's number as in a repository whose issues and PRs
   * already run up to it: it must not be below the next free one.
   */
  seedPullRequest(input: {
    branch: string;
    title?: string;
    body?: string;
    author?: string;
    files?: Readonly<Record<string, string>>;
    headSha?: string;
    number?: number;
    labels?: readonly string[];
  }): PullRequest {
    const { branch, title = branch, body = "", author = "octocat", number = this.nextNumber } = input;
    this.checkNewNumber(number);
    if (
      input.files !== undefined ||
      input.headSha !== undefined ||
      this.git.branchSha(branch) === undefined
    ) {
      this.seedFiles(branch, input.files ?? { [`${branch}.txt`]: branch }, "seed", input.headSha);
    }
    return this.openPull(number, { branch, base: this.defaultBranch, title, body, author }, input.labels);
  }

  seedComment(issue: number, body: string): Comment {
    return this.issues.addComment(issue, body);
  }

  seedPermission(login: string, permission: Permission): void {
    this.permissions.set(login, permission);
  }

  seedTeamMember(org: string, teamSlug: string, login: string): void {
    this.teamMembers.add(`${org}/${teamSlug}/${login}`);
  }

  seedArtifact(
    runId: number,
    name: string,
    files: Readonly<Record<string, string | Uint8Array>>,
    expired = false,
  ): number {
    return this.actions.addArtifact(runId, name, files, expired);
  }

  checkRun(name: string, headSha: string): FakeCheckRun | undefined {
    return this.checks.find(name, headSha);
  }

  // ---- the Platform ----

  async ensureDeploymentEnvironment(name: string, branch: string) {
    return this.environments.ensure(name, branch);
  }

  async enableAppProtectionRule(name: string) {
    return this.environments.enableAppRule(name);
  }

  async getDefaultBranch(): Promise<string> {
    return this.defaultBranch;
  }

  async readFile(path: string, ref?: string): Promise<string | undefined> {
    const sha = this.git.resolve(ref ?? this.defaultBranch);
    return sha === undefined ? undefined : this.git.fileAt(sha, path);
  }

  async getBranchSha(branch: string): Promise<string | undefined> {
    return this.git.branchSha(branch);
  }

  async commitFiles(input: { branch: string; base: string; message: string; files: readonly FileChange[] }) {
    const base = this.git.branchSha(input.base);
    if (base === undefined) throw notFound("GET /repos/{owner}/{repo}/branches/{branch}");
    this.writes.push(
      `commitFiles ${input.branch} on ${input.base}: ${input.files.map((f) => f.path).join(", ")}`,
    );
    const branchCreated = this.git.branchSha(input.branch) === undefined;
    const sha = this.moveBranch(input.branch, this.git.commitChanges(base, input.files, input.message));
    return { sha, branchCreated };
  }

  async findOpenPullRequest(branch: string) {
    return this.pulls.findOpen(branch);
  }

  async getPullRequest(number: number) {
    return this.pulls.get(number);
  }

  async createPullRequest(input: { branch: string; base: string; title: string; body: string }) {
    return this.openPull(this.nextNumber, { ...input, author: this.botLogin });
  }

  async updatePullRequest(number: number, input: { title?: string; body?: string }) {
    this.pulls.update(number, input);
  }

  async mergePullRequest(number: number, sha: string, method: "merge" | "squash" | "rebase") {
    return this.pulls.merge(number, sha, method);
  }

  async pullRequestsForCommit(sha: string) {
    return this.pulls.forCommit(sha);
  }

  async setLabels(issue: number, labels: readonly string[]) {
    this.issues.setLabels(issue, labels);
  }

  async ensureLabel(name: string, color: string, description: string) {
    this.issues.ensureLabel(name, color, description);
  }

  async findComment(issue: number, marker: string) {
    return this.issues.findComment(issue, marker);
  }

  async ensureComment(issue: number, marker: string, body: string, known?: Comment) {
    return this.issues.ensureComment(issue, marker, body, known);
  }

  async createComment(issue: number, body: string) {
    return this.issues.createComment(issue, body);
  }

  async addReaction(commentId: number, content: Reaction) {
    this.issues.addReaction(commentId, content);
  }

  async closeIssue(issue: number, reason: "completed" | "not_planned") {
    this.issues.close(issue, reason);
  }

  async upsertCheckRun(input: CheckRunInput) {
    return this.checks.upsert(input);
  }

  async getPermission(login: string): Promise<Permission> {
    return this.permissions.get(login) ?? "none";
  }

  async isTeamMember(org: string, teamSlug: string, login: string) {
    return this.teamMembers.has(`${org}/${teamSlug}/${login}`);
  }

  async dispatchWorkflow(file: string, ref: string, inputs: Readonly<Record<string, string>>) {
    const mode = inputs.mode ?? "plan";
    const title = `infracrew ${file.includes("apply") ? "apply" : "plan"} ${inputs.stack ?? ""} pr-${inputs.pr ?? ""} ${mode} ${inputs.sha ?? ""}${inputs.nonce ? ` n-${inputs.nonce}` : ""}`;
    return this.actions.dispatch(file, ref, inputs, {
      runAttempt: 1,
      headSha: this.git.branchSha(ref) ?? "",
      actor: this.botLogin,
      triggeringActor: this.botLogin,
      displayTitle: title,
      repositoryId: 1,
      headRepositoryId: 1,
      pullRequests: [],
      status: "queued",
      conclusion: null,
      htmlUrl: this.htmlUrl(`actions/runs/${this.actions.runs.size + 1}`),
    });
  }

  async getWorkflowRun(runId: number) {
    return this.actions.runs.get(runId);
  }

  async findDispatchedRun(file: string, nonce: string) {
    return this.actions.findDispatched(file, nonce);
  }

  async cancelWorkflowRun(runId: number) {
    this.writes.push(`cancelWorkflowRun ${runId}`);
    this.actions.cancelled.push(runId);
  }

  async reviewDeploymentProtectionRule(
    runId: number,
    environment: string,
    state: "approved" | "rejected",
    comment: string,
  ) {
    this.writes.push(`reviewDeploymentProtectionRule ${runId} ${environment} ${state}`);
    this.actions.protectionAnswers.push({ runId, environment, state, comment });
  }

  async listPullRequestFiles(number: number) {
    return this.pulls.changedFiles(number);
  }

  async readFileBlob(path: string, ref?: string) {
    const sha = this.git.resolve(ref ?? this.defaultBranch);
    const text = sha === undefined ? undefined : this.git.fileAt(sha, path);
    if (text === undefined) return undefined;
    const bytes = Buffer.from(text);
    const blob = createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
    return { text, sha: blob };
  }

  async listRunArtifacts(runId: number): Promise<readonly WorkflowArtifact[]> {
    return this.actions.list(runId);
  }

  async downloadArtifact(artifactId: number) {
    return this.actions.download(artifactId);
  }

  // ---- internals ----

  private moveBranch(branch: string, sha: string): string {
    this.git.refs.set(`refs/heads/${branch}`, sha);
    this.pulls.branchMoved(branch, sha);
    return sha;
  }

  private openPull(
    number: number,
    input: { branch: string; base: string; title: string; body: string; author: string },
    labels: readonly string[] = [],
  ): PullRequest {
    this.pulls.open(number, input);
    this.nextNumber = number + 1;
    this.issues.open(number, labels);
    return this.pulls.get(number);
  }

  /** GitHub numbers issues and pull requests from one sequence, which never goes back. */
  private checkNewNumber(number: number): void {
    if (!Number.isSafeInteger(number) || number < this.nextNumber) {
      throw new Error(
        `#${number} cannot be a new issue or pull request: the next free number is #${this.nextNumber}`,
      );
    }
  }

  private htmlUrl(path: string): string {
    return `https://github.com/${this.repo.owner}/${this.repo.repo}/${path}`;
  }
}
