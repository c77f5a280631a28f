// Generated from schemas/ by scripts/gen-types.ts. Do not edit; run `npm run gen`.
/**
 * Something operations should know: drift, a scan result, an SLA breach or a budget brake.
 */
export interface OpsEvent {
  /**
   * The contract version. Every artifact carries it.
   */
  schemaVersion: "0.1";
  kind: "OpsEvent";
  /**
   * A stable identifier of this artifact, derived from its content.
   */
  id: string;
  /**
   * An RFC 3339 date-time in UTC.
   */
  createdAt: string;
  goalRef: GoalRef;
  type: "drift" | "scan" | "sla-breach" | "budget-brake" | "apply-failed";
  severity: "critical" | "warning" | "info";
  /**
   * A GitHub repository as owner/name.
   */
  repo?: string;
  pr?: number;
  /**
   * A goal or stack name: lowercase letters, digits and dashes. It names the branch, the stack directory and the resources.
   */
  stack: string;
  message: string;
  /**
   * Figures behind the event, e.g. sla phase, limit and elapsed seconds.
   */
  details?: {
    [k: string]: string | number | boolean;
  };
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
