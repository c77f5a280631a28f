/** Providers whose resource types Sentinel recognises in scanner output, by their type prefix. */
const PROVIDER_PREFIXES = [
  "aws",
  "awscc",
  "google",
  "azurerm",
  "azuread",
  "kubernetes",
  "helm",
  "github",
  "cloudflare",
  "datadog",
  "digitalocean",
  "oci",
  "alicloud",
  "openstack",
  "random",
  "null",
  "tls",
  "time",
  "local",
];

const ADDRESS = new RegExp(
  `^((?:module\\.[A-Za-z0-9_-]+(?:\\[[^\\]]*\\])?\\.)*(?:data\\.)?(?:${PROVIDER_PREFIXES.join("|")})_[a-z0-9_]+\\.[A-Za-z0-9_-]+(?:\\[[^\\]]*\\])?)`,
);

/**
 * The Terraform resource address at the start of a scanner's resource path, e.g.
 * `aws_ecr_repository.repo` from tfsec's `aws_ecr_repository.repo.image_tag_mutability`; undefined when the
 * path does not start with a resource of a known provider (tfsec's `image_scanning_configuration.scan_on_push`).
 */
export function addressPrefix(path: string): string | undefined {
  return ADDRESS.exec(path)?.[1];
}

/** `module.a.module.b.aws_s3_bucket.x[0]` → `{ modules: ["a", "b"], type: "aws_s3_bucket", name: "x" }`. */
export function splitAddress(address: string): { modules: string[]; type: string; name: string } | undefined {
  const parts = address.replace(/\[[^\]]*\]/g, "").split(".");
  const modules: string[] = [];
  let i = 0;
  while (parts[i] === "module" && i + 1 < parts.length) {
    modules.push(parts[i + 1]!);
    i += 2;
  }
  if (parts[i] === "data") i++;
  const type = parts[i];
  const name = parts[i + 1];
  return type && name ? { modules, type, name } : undefined;
}
