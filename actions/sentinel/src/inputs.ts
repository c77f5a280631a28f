import { SCANNER_TOOLS, type ScannerTool } from "../../../app/agents/sentinel/tools.js";
import { closest, fail, ok, showValue, type Problem, type Result } from "../../../app/contracts/problem.js";

/** The action's inputs, read and checked. */
export interface SentinelInputs {
  readonly dir: string;
  /** The plan JSON in the workspace; empty when it comes sealed in `planArtifact`. */
  readonly planJson: string;
  /**
   * The plan artifact of this run (forge-plan's): the ValidateRequest and the sealed plan JSON are taken from it, and
   * the JSON is opened with `planKey`. This lets Sentinel run in a job of its own, where no code of the pull request
   * runs (the plan job runs the PR's Terraform).
   */
  readonly planArtifact?: string;
  /** The plan encryption key (INFRACREW_PLAN_KEY), masked as soon as it is read. */
  readonly planKey?: string;
  readonly scanners: readonly ScannerTool[];
  readonly required: readonly ScannerTool[];
  readonly policy: string;
  readonly conftestPolicy: string;
  readonly validateRequest?: string;
  readonly budget?: number;
  readonly failStep: boolean;
}

/** A workspace-relative path: no leading slash, no `..`. */
const RELATIVE = /^(?!\/)(?!.*(^|\/)\.\.(\/|$)).+$/;

function path(name: string, value: string, problems: Problem[]): string {
  if (!RELATIVE.test(value))
    problems.push({ path: name, message: `must be a path inside the workspace (got ${showValue(value)})` });
  return value.replace(/\/+$/, "") || ".";
}

function tools(name: string, value: string, problems: Problem[]): ScannerTool[] {
  const names = value
    .split(",")
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== "");
  for (const t of names.filter((n) => !(SCANNER_TOOLS as readonly string[]).includes(n))) {
    const hint = closest(t, SCANNER_TOOLS);
    problems.push({
      path: name,
      message: `${showValue(t)} is not a scanner Sentinel runs (${SCANNER_TOOLS.join(", ")})${hint ? `; did you mean ${hint}?` : ""}`,
    });
  }
  return [...new Set(names)].filter((n): n is ScannerTool =>
    (SCANNER_TOOLS as readonly string[]).includes(n),
  );
}

/** Reads the inputs action.yml declares; every mistake is a problem naming the input. */
export function readInputs(getInput: (name: string) => string): Result<SentinelInputs> {
  const problems: Problem[] = [];
  const input = (name: string) => getInput(name).trim();
  const required = (name: string) => {
    const value = input(name);
    if (value === "") problems.push({ path: name, message: "is required" });
    return value;
  };
  const dir = path("dir", required("dir"), problems);
  const planArtifact = input("plan-artifact");
  const planKey = input("plan-key");
  if (planArtifact !== "" && !/^[A-Za-z0-9._-]{1,200}$/.test(planArtifact))
    problems.push({
      path: "plan-artifact",
      message: `must be an artifact name (got ${showValue(planArtifact)})`,
    });
  if (planArtifact !== "" && planKey === "")
    problems.push({
      path: "plan-key",
      message: "is required with plan-artifact: the secret INFRACREW_PLAN_KEY, which opens the sealed plan",
    });
  if (planArtifact !== "" && (input("plan-json") !== "" || input("validate-request") !== ""))
    problems.push({
      path: "plan-artifact",
      message: "gives the plan JSON and the ValidateRequest: leave plan-json and validate-request out",
    });
  const planJson = planArtifact === "" ? path("plan-json", required("plan-json"), problems) : "";
  const budgetText = input("budget");
  const budget = budgetText === "" ? undefined : Number(budgetText);
  if (budget !== undefined && !(Number.isFinite(budget) && budget > 0)) {
    problems.push({
      path: "budget",
      message: `must be a monthly amount in USD greater than 0 (got ${showValue(budgetText)})`,
    });
  }
  const failStep = input("fail-step") || "true";
  if (failStep !== "true" && failStep !== "false") {
    problems.push({ path: "fail-step", message: `must be true or false (got ${showValue(failStep)})` });
  }
  const request = input("validate-request");
  const inputs: SentinelInputs = {
    dir,
    planJson,
    scanners: tools("scanners", input("scanners"), problems),
    required: tools("required", input("required"), problems),
    policy: path("policy", input("policy") || ".github/infracrew.yml", problems),
    conftestPolicy: path("conftest-policy", input("conftest-policy") || "policy", problems),
    ...(request ? { validateRequest: path("validate-request", request, problems) } : {}),
    ...(planArtifact ? { planArtifact } : {}),
    ...(planKey ? { planKey } : {}),
    ...(budget !== undefined ? { budget } : {}),
    failStep: failStep === "true",
  };
  return problems.length > 0 ? fail(problems) : ok(inputs);
}
