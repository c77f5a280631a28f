/**
 * object-storage → the S3 bucket module: a unique name from a prefix, every public access blocked, ACLs off, SSE-KMS
 * with the stack key, TLS 1.2+ required, versioning as the PlanSpec says, and incomplete uploads cleaned up. A site
 * bucket also lets its CloudFront distribution (and nothing else) read its objects.
 */
import type { ObjectStorageComponent } from "../../../contracts/generated/plan-spec.js";
import { attr, attrs, blank, call, ref, template, type Body, type Expr, type Value } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import { fitName, type StackContext } from "../stack/context.js";
import type { RenderedComponent } from "../stack/rendered.js";

/** S3 bucket names stop at 63 characters. */
const BUCKET_NAME_LENGTH = 63;
const ACCOUNT_ID_LENGTH = 12;

/**
 * A bucket name unique across AWS yet known before apply: `<stack>-<bucket>-<account id>-<region>`, the first
 * part cut to fit. Being known lets the bucket's own policy name its ARN without referring to the module's output.
 */
export function bucketName(bucket: ObjectStorageComponent, ctx: StackContext, ...after: string[]): Expr {
  const room = BUCKET_NAME_LENGTH - ACCOUNT_ID_LENGTH - ctx.region.length - 2;
  const prefix = fitName(`${ctx.spec.name}-${bucket.params.bucket}`, room);
  return template(
    `${prefix}-`,
    ref("data.aws_caller_identity.current.account_id"),
    `-${ctx.region}`,
    ...after,
  );
}

/** The CloudFront distributions that serve this bucket: CDN components whose origin it is. */
function distributions(bucket: ObjectStorageComponent, ctx: StackContext): string[] {
  return ctx
    .ofKind("cdn")
    .filter((cdn) => cdn.params.origin === bucket.id)
    .map((cdn) => ctx.label(cdn));
}

function lifecycleRules(bucket: ObjectStorageComponent): Value[] {
  return [
    { id: "abort-incomplete-uploads", enabled: true, abort_incomplete_multipart_upload_days: 7 },
    ...(bucket.params.versioning
      ? [{ id: "expire-noncurrent-versions", enabled: true, noncurrent_version_expiration: { days: 90 } }]
      : []),
    ...(bucket.params.purpose === "logs"
      ? [{ id: "expire-logs", enabled: true, expiration: { days: 365 } }]
      : []),
  ];
}

export function renderObjectStorage(bucket: ObjectStorageComponent, ctx: StackContext): RenderedComponent {
  const label = ctx.label(bucket);
  const readers = distributions(bucket, ctx);
  const policy: Body = readers.length
    ? [
        blank,
        attr("attach_policy", true),
        attr(
          "policy",
          call("jsonencode", {
            Version: "2012-10-17",
            Statement: readers.map((cdn) => ({
              Sid: "CloudFrontReadsObjects",
              Effect: "Allow",
              Principal: { Service: "cloudfront.amazonaws.com" },
              Action: "s3:GetObject",
              Resource: template(
                "arn:",
                ref("data.aws_partition.current.partition"),
                ":s3:::",
                bucketName(bucket, ctx),
                "/*",
              ),
              Condition: {
                StringEquals: { "AWS:SourceArn": ref(`module.${cdn}.cloudfront_distribution_arn`) },
              },
            })),
          }),
        ),
      ]
    : [];
  const inputs: Body = [
    ...attrs({
      bucket: bucketName(bucket, ctx),
      force_destroy: false,
    }),
    blank,
    ...attrs({
      control_object_ownership: true,
      object_ownership: "BucketOwnerEnforced",
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    }),
    blank,
    ...attrs({
      versioning: { enabled: bucket.params.versioning },
      server_side_encryption_configuration: {
        rule: {
          apply_server_side_encryption_by_default: {
            kms_master_key_id: ctx.keyArn,
            sse_algorithm: "aws:kms",
          },
          bucket_key_enabled: true,
        },
      },
      attach_deny_insecure_transport_policy: true,
      attach_require_latest_tls_policy: true,
    }),
    blank,
    attr("lifecycle_rule", lifecycleRules(bucket)),
    ...policy,
  ];
  return {
    body: moduleCall(label, MODULES.s3Bucket, inputs),
    outputs: [
      {
        name: `${label}_bucket`,
        description: `The name of the ${bucket.id} bucket.`,
        value: ref(`module.${label}.s3_bucket_id`),
      },
    ],
  };
}
