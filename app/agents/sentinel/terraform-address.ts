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

/** `module.a["x"].aws_s3_bucket.b[0]` → `module.a.aws_s3_bucket.b`: the configuration's address of an instance. */
export function withoutInstanceKeys(address: string): string {
  let open = address.indexOf("[");
  if (open < 0) return address;
  let out = "";
  let from = 0;
  while (open >= 0) {
    const close = address.indexOf("]", open);
    if (close < 0) break;
    out += address.slice(from, open);
    from = close + 1;
    open = address.indexOf("[", from);
  }
  return out + address.slice(from);
}
