// Generated from schemas/ by scripts/gen-types.ts. Do not edit; run `npm run gen`.
export type Tool =
  | "trivy"
  | "tfsec"
  | "checkov"
  | "conftest"
  | "infracost"
  | "terraform"
  | "infracrew-policy"
  | "infracrew-budget";

/**
 * Sentinel's verdict on a plan: every finding, the cost against the budget, the plan counts, which tools ran, and every reason for the verdict.
 */
export interface ValidationResult {
  /**
   * The contract version. Every artifact carries it.
   */
  schemaVersion: "0.1";
  kind: "ValidationResult";
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
   * A goal or stack name: lowercase letters, digits and dashes. It names the branch, the stack directory and the resources.
   */
  stack?: string;
  /**
   * A full git commit SHA.
   */
  sha?: string;
  savedPlan?: SavedPlan;
  verdict: "PASS" | "FAIL";
  /**
   * Every reason for the verdict, in words.
   *
   * @minItems 1
   */
  reasons: string[];
  /**
   * How many of the reasons, from the first, fail the verdict (0 for PASS); the rest say what passed.
   */
  failingReasons?: number;
  findings: Finding[];
  cost: CostForecast;
  budget: BudgetCheck;
  plan: PlanCounts;
  tools: ToolRun[];
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
/**
 * The saved plan this verdict is about, copied by the Sentinel action from the ValidateRequest: the App records it when Sentinel passes, and the apply must use exactly this plan.
 */
export interface SavedPlan {
  /**
   * The name of the plan artifact in the plan run.
   */
  artifact: string;
  /**
   * sha256 (lowercase hex) of the plaintext tfplan file.
   */
  sha256: string;
}
export interface Finding {
  tool: Tool;
  ruleId: string;
  /**
   * A finding's severity, highest first.
   */
  severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "INFO";
  title: string;
  /**
   * What the tool said about this instance, when it says more than the rule's title.
   */
  message?: string;
  file?: string;
  line?: number;
  endLine?: number;
  resource?: string;
  link?: string;
  /**
   * The same problem on the same resource as reported by other tools, merged into this finding.
   */
  alsoReportedBy?: FindingAlias[];
  /**
   * True when this finding alone fails the verdict: a scanner finding at or above failOnSeverity, a Conftest deny, or an org-policy violation.
   */
  blocking?: boolean;
}
export interface FindingAlias {
  tool: Tool;
  ruleId: string;
}
export interface CostForecast {
  /**
   * An amount in US dollars.
   */
  monthlyUsd: number;
  diffMonthlyUsd?: number;
  source: "infracost" | "estimate";
  currency?: "USD";
  /**
   * For an estimate: the resources it could not price, each as `address: why`.
   */
  unpriced?: string[];
  /**
   * Where the figure comes from and what it leaves out.
   */
  note?: string;
}
export interface BudgetCheck {
  /**
   * An amount in US dollars.
   */
  monthlyUsd: number;
  /**
   * Forecast / budget, cut to four decimals; null when the budget is 0.
   */
  ratio: number | null;
  brakeRatio: number;
}
/**
 * How many resources a Terraform plan creates, updates, deletes and replaces.
 */
export interface PlanCounts {
  create: number;
  update: number;
  delete: number;
  replace: number;
}
export interface ToolRun {
  name: Tool;
  status: "ran" | "skipped" | "failed";
  version?: string;
  reason?: string;
  findings?: number;
}
