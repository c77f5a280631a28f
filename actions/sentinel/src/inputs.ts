import { SCANNER_TOOLS, type ScannerTool } from "../../../app/agents/sentinel/tools.js";
import { closest, fail, ok, showValue, type Problem, type Result } from "../../../app/contracts/problem.js";

/** The action's inputs, read and checked. */
export interface SentinelInputs {
  readonly dir: string;
  readonly planJson: string;
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
  const planJson = path("plan-json", required("plan-json"), problems);
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
    ...(budget !== undefined ? { budget } : {}),
    failStep: failStep === "true",
  };
  return problems.length > 0 ? fail(problems) : ok(inputs);
}
