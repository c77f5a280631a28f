import type { Tool } from "../../contracts/generated/validation-result.js";

export type { Tool };

/** The external tools whose outputs Sentinel reads, and which a policy may require. */
export type ScannerTool = "trivy" | "tfsec" | "checkov" | "conftest" | "infracost";

/** The tools that scan Terraform for security problems. */
export const SECURITY_SCANNERS: readonly ScannerTool[] = ["trivy", "tfsec", "checkov"];

export const SCANNER_TOOLS: readonly ScannerTool[] = [...SECURITY_SCANNERS, "conftest", "infracost"];

/** How each tool is named in messages, and the command whose output Sentinel expects. */
export const TOOL_INFO: Readonly<Record<Tool, { readonly label: string; readonly output: string }>> = {
  trivy: { label: "Trivy", output: "trivy config --format json" },
  tfsec: { label: "tfsec", output: "tfsec --format json" },
  checkov: { label: "Checkov", output: "checkov -o json" },
  conftest: { label: "Conftest", output: "conftest test --output json" },
  infracost: { label: "Infracost", output: "infracost breakdown|diff --format json" },
  terraform: { label: "Terraform", output: "terraform show -json <planfile>" },
  "infracrew-policy": { label: "Org policy", output: "" },
  "infracrew-budget": { label: "Budget brake", output: "" },
};

export function toolLabel(tool: Tool): string {
  return TOOL_INFO[tool].label;
}
