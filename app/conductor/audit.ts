/** One decision, as the append-only audit log keeps it. */
export interface AuditEntry {
  readonly at: string;
  readonly repo: string;
  readonly pr: number | null;
  /** Who asked (a login, `infracrew[bot]` for the App's own decisions, `github` for a run GitHub reported). */
  readonly actor: string;
  /** What was asked or reported: approve, rollback, plan, unlock, dispatch, gate, validation, apply-result … */
  readonly action: string;
  /** accepted, refused, recorded, dispatched, approved, rejected, ignored, breached … */
  readonly decision: string;
  readonly sha: string | null;
  /** Why, in a sentence a person reads. */
  readonly reason: string;
  readonly details?: Readonly<Record<string, string | number | boolean | null>>;
}
