// Generated from schemas/ by scripts/gen-types.ts. Do not edit; run `npm run gen`.
/**
 * A rollback to the stack's last known-good revision, or a destroy of a failed first apply, with the SLA clock that started at the trigger.
 */
export interface RollbackRequest {
  /**
   * The contract version. Every artifact carries it.
   */
  schemaVersion: "0.1";
  kind: "RollbackRequest";
  /**
   * A stable identifier of this artifact, derived from its content.
   */
  id: string;
  /**
   * An RFC 3339 date-time in UTC.
   */
  createdAt: string;
  goalRef: GoalRef;
  /**
   * A GitHub repository as owner/name.
   */
  repo: string;
  pr: number;
  /**
   * A goal or stack name: lowercase letters, digits and dashes. It names the branch, the stack directory and the resources.
   */
  stack: string;
  /**
   * The revision being rolled back.
   */
  fromSha: string;
  /**
   * The last known-good revision, or null on a first apply (destroy what was created).
   */
  toSha: string | null;
  trigger: "command" | "slack" | "apply-failed" | "apply-timeout";
  /**
   * A GitHub login.
   */
  requestedBy: string;
  /**
   * An RFC 3339 date-time in UTC.
   */
  triggeredAt: string;
  sla: RollbackSla;
}
/**
 * The goal an artifact was produced for.
 */
export interface GoalRef {
  /**
   * A goal or stack name: lowercase letters, digits and dashes. It names the branch, the stack directory and the resources.
   */
  name: string;
  /**
   * sha256 of the goal's canonical JSON.
   */
  hash: string;
  /**
   * The GitHub issue the goal was filed as, when it came from one.
   */
  issue?: {
    /**
     * A GitHub repository as owner/name.
     */
    repo: string;
    number: number;
  };
}
export interface RollbackSla {
  /**
   * An RFC 3339 date-time in UTC.
   */
  beginBy: string;
  /**
   * An RFC 3339 date-time in UTC.
   */
  finishBy: string;
}
