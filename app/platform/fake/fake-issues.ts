import { checkCommentBody, checkMarkedBody } from "../input-rules.js";
import type { Comment } from "../platform.js";
import { notFound } from "./fake-failure.js";

export type Reaction = "eyes" | "+1" | "-1" | "rocket" | "confused";

interface FakeIssue {
  state: "open" | "closed";
  stateReason: "completed" | "not_planned" | undefined;
  labels: string[];
}

/** Issues and pull requests as GitHub's issues API sees them: labels, state, comments and reactions. */
export class FakeIssues {
  readonly comments: { readonly id: number; readonly issue: number; body: string }[] = [];
  readonly reactions: { readonly commentId: number; readonly content: Reaction }[] = [];
  readonly labels = new Map<string, { readonly color: string; readonly description: string }>();
  private readonly issues = new Map<number, FakeIssue>();

  constructor(
    private readonly write: (entry: string) => void,
    private readonly newId: () => number,
  ) {}

  open(number: number, labels: readonly string[] = []): void {
    this.issues.set(number, { state: "open", stateReason: undefined, labels: [...labels] });
  }

  labelsOf(number: number): readonly string[] {
    return [...this.issue(number, "GET /repos/{owner}/{repo}/issues/{issue_number}/labels").labels];
  }

  state(number: number): { readonly state: "open" | "closed"; readonly reason: string | undefined } {
    const found = this.issue(number, "GET /repos/{owner}/{repo}/issues/{issue_number}");
    return { state: found.state, reason: found.stateReason };
  }

  commentsOn(number: number): readonly Comment[] {
    return this.comments.filter((c) => c.issue === number).map(({ id, body }) => ({ id, body }));
  }

  setLabels(number: number, labels: readonly string[]): void {
    const target = this.issue(number, "PUT /repos/{owner}/{repo}/issues/{issue_number}/labels");
    this.write(`setLabels #${number} [${labels.join(", ")}]`);
    for (const name of labels)
      if (!this.labels.has(name)) this.labels.set(name, { color: "ededed", description: "" });
    target.labels = [...new Set(labels)];
  }

  ensureLabel(name: string, color: string, description: string): void {
    if (this.labels.has(name)) return;
    this.write(`ensureLabel ${name}`);
    this.labels.set(name, { color: color.replace(/^#/, ""), description });
  }

  findComment(number: number, marker: string): Comment | undefined {
    this.issue(number, "GET /repos/{owner}/{repo}/issues/{issue_number}/comments");
    const found = this.comments.find((c) => c.issue === number && c.body.includes(marker));
    return found && { id: found.id, body: found.body };
  }

  ensureComment(number: number, marker: string, body: string, known?: Comment): Comment {
    checkMarkedBody(body, marker);
    const existing = known ?? this.findComment(number, marker);
    if (existing === undefined) return this.addComment(number, body);
    if (existing.body === body) return existing;
    const stored = this.comments.find((c) => c.id === existing.id);
    if (stored === undefined) throw notFound("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}");
    this.write(`updateComment ${existing.id} on #${number}`);
    stored.body = body;
    return { id: existing.id, body };
  }

  createComment(number: number, body: string): number {
    checkCommentBody("createComment", body);
    return this.addComment(number, body).id;
  }

  addComment(number: number, body: string): Comment {
    this.issue(number, "POST /repos/{owner}/{repo}/issues/{issue_number}/comments");
    const id = this.newId();
    this.write(`createComment ${id} on #${number}`);
    this.comments.push({ id, issue: number, body });
    return { id, body };
  }

  addReaction(commentId: number, content: Reaction): void {
    if (!this.comments.some((c) => c.id === commentId)) {
      throw notFound("POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions");
    }
    if (this.reactions.some((r) => r.commentId === commentId && r.content === content)) return;
    this.write(`addReaction ${content} to ${commentId}`);
    this.reactions.push({ commentId, content });
  }

  close(number: number, reason: "completed" | "not_planned"): void {
    const found = this.issue(number, "PATCH /repos/{owner}/{repo}/issues/{issue_number}");
    this.write(`closeIssue #${number} (${reason})`);
    Object.assign(found, { state: "closed", stateReason: reason });
  }

  private issue(number: number, route: string): FakeIssue {
    const found = this.issues.get(number);
    if (found === undefined) throw notFound(route);
    return found;
  }
}
