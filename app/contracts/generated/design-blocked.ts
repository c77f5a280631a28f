// Generated from schemas/ by scripts/gen-types.ts. Do not edit; run `npm run gen`.
/**
 * Atlas's answer when the goal's constraints clash: what clashes, with numbers, what was tried, and the cheapest single change that would unblock.
 */
export interface DesignBlocked {
  /**
   * The contract version. Every artifact carries it.
   */
  schemaVersion: "0.1";
  kind: "DesignBlocked";
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
   * @minItems 1
   */
  reasons: BlockReason[];
  /**
   * The designs tried, the relaxed retries included, and why each failed.
   */
  attempts: DesignAttempt[];
  /**
   * @minItems 1
   */
  suggestions: UnblockSuggestion[];
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
export interface BlockReason {
  code:
    | "budget-too-small"
    | "budget-over-policy-cap"
    | "region-not-allowed"
    | "missing-required-tag"
    | "slo-unreachable"
    | "size-cap-exceeded"
    | "instance-family-not-allowed"
    | "region-not-priced"
    | "pattern-mismatch"
    | "engine-out-of-support"
    | "cidr-conflict"
    | "summary-ask-unmet"
    | "not-in-catalog"
    | "domain-not-in-zone";
  /**
   * The clash in words, with the numbers.
   */
  message: string;
  /**
   * The goal field at stake, as a dotted path.
   */
  field?: string;
  /**
   * The numbers behind the clash.
   */
  figures?: {
    [k: string]: number;
  };
}
export interface DesignAttempt {
  description: string;
  /**
   * An amount in US dollars.
   */
  monthlyUsd?: number;
  /**
   * Composite availability in percent.
   */
  composite?: number;
  outcome: string;
}
export interface UnblockSuggestion {
  /**
   * The change, e.g. raise budget to >= $X/month.
   */
  message: string;
  /**
   * The goal or policy field to change, as a dotted path.
   */
  field: string;
  /**
   * The value that would unblock.
   */
  value?: number | string | boolean;
  /**
   * An amount in US dollars.
   */
  monthlyUsd?: number;
}
