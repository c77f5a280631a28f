/**
 * Writes .github/infracrew.yml's commented template from the OrgPolicy schema: every setting with its
 * description and default, so the onboarding PR's config is generated, never written twice.
 */
type Node = {
  description?: string;
  default?: unknown;
  properties?: Record<string, Node>;
  $ref?: string;
  enum?: unknown[];
  type?: string | string[];
  items?: Node;
  "x-hint"?: string;
};

const EXAMPLES: Record<string, string> = {
  "policy.allowedRegions": "[eu-west-1, eu-central-1, us-east-1]",
  "policy.maxMonthlyUsd": "5000",
  "policy.allowedSkips": "[AVD-AWS-0104, CKV_AWS_260]",
  "policy.network.cidrPool": "[10.64.0.0/10]",
  "policy.network.reservedCidrs": "[10.0.0.0/16, 192.168.0.0/16]",
  "policy.sizeCaps.maxTasks": "50",
  "policy.sizeCaps.maxTaskCpu": "4",
  "policy.sizeCaps.maxDbStorageGb": "4096",
  "policy.sizeCaps.allowedInstanceFamilies": "[db.t4g, db.r6g, cache.t4g]",
  "terraform.backend.type": "s3",
  "terraform.backend.bucket": "acme-terraform-state",
  "terraform.backend.region": "eu-west-1",
  "terraform.backend.dynamodbTable": "terraform-locks",
  "slack.channel": '"#infra-reviews"',
};

function resolve(node: Node, common: Record<string, Node>): Node {
  if (node.$ref?.startsWith("common.schema.json#/$defs/")) {
    return { ...common[node.$ref.split("/").pop()!], ...node, $ref: undefined };
  }
  return node;
}

function yamlValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(yamlValue).join(", ")}]`;
  if (value !== null && typeof value === "object")
    return Object.keys(value).length === 0 ? "{}" : JSON.stringify(value);
  if (typeof value === "string")
    return /^[A-Za-z0-9_.\-/ >=]+$/.test(value) && !/^\d/.test(value)
      ? value.includes(" ")
        ? `"${value}"`
        : value
      : JSON.stringify(value);
  return String(value);
}

function describe(node: Node): string {
  const choices = node.enum ? ` One of: ${node.enum.join(", ")}.` : "";
  return `${node.description ?? node["x-hint"] ?? ""}${choices}`.trim();
}

/** Whether any key under an object has a default, i.e. would be written live rather than commented out. */
function hasLiveKey(node: Node, common: Record<string, Node>): boolean {
  return Object.values(node.properties ?? {}).some((raw) => {
    const child = resolve(raw, common);
    return child.properties
      ? child.default !== undefined && hasLiveKey(child, common)
      : child.default !== undefined;
  });
}

function lines(
  properties: Record<string, Node>,
  common: Record<string, Node>,
  indent: string,
  prefix: string,
  commented: boolean,
): string[] {
  const out: string[] = [];
  for (const [key, raw] of Object.entries(properties)) {
    if (prefix === "" && (key === "schemaVersion" || key === "kind")) continue;
    const node = resolve(raw, common);
    const path = prefix ? `${prefix}.${key}` : key;
    const text = describe(node);
    if (text) out.push(`${indent}# ${text}`);
    // An object whose keys all lack defaults is commented out whole: `key:` alone would read as null.
    const off =
      commented || node.default === undefined || (node.properties !== undefined && !hasLiveKey(node, common));
    const hash = off ? "# " : "";
    if (node.properties) {
      out.push(`${indent}${hash}${key}:`);
      out.push(...lines(node.properties, common, `${indent}  `, path, off));
    } else if (node.default !== undefined) {
      out.push(`${indent}${hash}${key}: ${yamlValue(node.default)}`);
    } else {
      out.push(`${indent}# ${key}: ${EXAMPLES[path] ?? "…"}`);
    }
  }
  return out;
}

export function configTemplate(schema: Node, common: Record<string, Node>): string {
  return [
    "# Infracrew: the organisation policy and the app's settings (.github/infracrew.yml).",
    "# Generated from schemas/org-policy.schema.json. Every key is optional; the values shown are the defaults,",
    "# and commented-out keys have no default (an example is shown).",
    "",
    ...lines(schema.properties ?? {}, common, "", "", false),
    "",
  ].join("\n");
}
