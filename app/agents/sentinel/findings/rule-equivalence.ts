/**
 * Rules that Trivy, tfsec and Checkov each check under their own identifiers, as data. Trivy and tfsec share
 * Aqua's AVD ids (Trivy writes `AWS-0086`, tfsec `AVD-AWS-0086`; older tfsec wrote the long id
 * `aws-s3-block-public-acls`); Checkov's ids are its own. A row joins the three only where the checks test
 * the same setting on the same resource types.
 *
 * Sources: Trivy ids and aliases from the `custom.id`/`custom.aliases` metadata of
 * aquasecurity/trivy-checks@80e5382269707262f35cf893bdc0805cb72217e9 `checks/cloud/aws/<trivy>`; Checkov ids
 * from bridgecrewio/checkov@03d5fdad8d6154b1565799a7b1fb8070c158866f `checkov/terraform/checks/<checkov>`.
 */
export interface RuleEquivalence {
  /** Trivy's id, which tfsec writes with an `AVD-` prefix. */
  readonly id: string;
  /** tfsec's long ids (its `long_id`, and the rule id of tfsec before v1). */
  readonly tfsec: readonly string[];
  readonly checkov: readonly string[];
  /** Where each id is defined, under the source paths above. */
  readonly sources: { readonly trivy: string; readonly checkov: string };
}

export const RULE_EQUIVALENCES: readonly RuleEquivalence[] = [
  {
    id: "AWS-0017",
    tfsec: ["aws-cloudwatch-log-group-customer-key"],
    checkov: ["CKV_AWS_158"],
    sources: {
      trivy: "cloudwatch/log_group_customer_key.rego",
      checkov: "resource/aws/CloudWatchLogGroupKMSKey.py",
    },
  },
  {
    id: "AWS-0024",
    tfsec: ["aws-dynamodb-enable-recovery"],
    checkov: ["CKV_AWS_28"],
    sources: { trivy: "dynamodb/enable_recovery.rego", checkov: "resource/aws/DynamodbRecovery.py" },
  },
  {
    id: "AWS-0025",
    tfsec: ["aws-dynamodb-table-customer-key"],
    checkov: ["CKV_AWS_119"],
    sources: {
      trivy: "dynamodb/table_customer_key.rego",
      checkov: "resource/aws/DynamoDBTablesEncrypted.py",
    },
  },
  {
    id: "AWS-0028",
    tfsec: ["aws-ec2-enforce-http-token-imds"],
    checkov: ["CKV_AWS_79"],
    sources: { trivy: "ec2/enforce_http_token_imds.rego", checkov: "resource/aws/IMDSv1Disabled.py" },
  },
  {
    id: "AWS-0030",
    tfsec: ["aws-ecr-enable-image-scans"],
    checkov: ["CKV_AWS_163"],
    sources: { trivy: "ecr/enable_image_scans.rego", checkov: "resource/aws/ECRImageScanning.py" },
  },
  {
    id: "AWS-0031",
    tfsec: ["aws-ecr-enforce-immutable-repository"],
    checkov: ["CKV_AWS_51"],
    sources: { trivy: "ecr/enforce_immutable_repository.rego", checkov: "resource/aws/ECRImmutableTags.py" },
  },
  {
    id: "AWS-0033",
    tfsec: ["aws-ecr-repository-customer-key"],
    checkov: ["CKV_AWS_136"],
    sources: { trivy: "ecr/repository_customer_key.rego", checkov: "resource/aws/ECRRepositoryEncrypted.py" },
  },
  {
    id: "AWS-0034",
    tfsec: ["aws-ecs-enable-container-insight"],
    checkov: ["CKV_AWS_65"],
    sources: {
      trivy: "ecs/enable_container_insight.rego",
      checkov: "resource/aws/ECSClusterContainerInsights.py",
    },
  },
  {
    id: "AWS-0045",
    tfsec: ["aws-elasticache-enable-at-rest-encryption"],
    checkov: ["CKV_AWS_29"],
    sources: {
      trivy: "elasticache/enable_at_rest_encryption.rego",
      checkov: "resource/aws/ElasticacheReplicationGroupEncryptionAtRest.py",
    },
  },
  {
    id: "AWS-0051",
    tfsec: ["aws-elasticache-enable-in-transit-encryption"],
    checkov: ["CKV_AWS_30"],
    sources: {
      trivy: "elasticache/enable_in_transit_encryption.rego",
      checkov: "resource/aws/ElasticacheReplicationGroupEncryptionAtTransit.py",
    },
  },
  {
    id: "AWS-0052",
    tfsec: ["aws-elb-drop-invalid-headers"],
    checkov: ["CKV_AWS_131"],
    sources: { trivy: "elb/drop_invalid_headers.rego", checkov: "resource/aws/ALBDropHttpHeaders.py" },
  },
  {
    id: "AWS-0054",
    tfsec: ["aws-elb-http-not-used"],
    checkov: ["CKV_AWS_2"],
    sources: { trivy: "elb/http_not_used.rego", checkov: "resource/aws/ALBListenerHTTPS.py" },
  },
  {
    id: "AWS-0065",
    tfsec: ["aws-kms-auto-rotate-keys"],
    checkov: ["CKV_AWS_7"],
    sources: { trivy: "kms/auto_rotate_keys.rego", checkov: "resource/aws/KMSRotation.py" },
  },
  {
    id: "AWS-0066",
    tfsec: ["aws-lambda-enable-tracing"],
    checkov: ["CKV_AWS_50"],
    sources: { trivy: "lambda/enable_tracing.rego", checkov: "resource/aws/LambdaXrayEnabled.py" },
  },
  {
    id: "AWS-0077",
    tfsec: ["aws-rds-specify-backup-retention"],
    checkov: ["CKV_AWS_133"],
    sources: {
      trivy: "rds/specify_backup_retention.rego",
      checkov: "resource/aws/DBInstanceBackupRetentionPeriod.py",
    },
  },
  {
    id: "AWS-0078",
    tfsec: ["aws-rds-performance-insights-encryption-customer-key"],
    checkov: ["CKV_AWS_354"],
    sources: {
      trivy: "rds/performance_insights_encryption_customer_key.rego",
      checkov: "resource/aws/RDSInstancePerfInsightsEncryptionWithCMK.py",
    },
  },
  {
    id: "AWS-0080",
    tfsec: ["aws-rds-encrypt-instance-storage-data"],
    checkov: ["CKV_AWS_16"],
    sources: { trivy: "rds/encrypt_instance_storage_data.rego", checkov: "resource/aws/RDSEncryption.py" },
  },
  {
    id: "AWS-0086",
    tfsec: ["aws-s3-block-public-acls"],
    checkov: ["CKV_AWS_53"],
    sources: { trivy: "s3/block_public_acls.rego", checkov: "resource/aws/S3BlockPublicACLs.py" },
  },
  {
    id: "AWS-0087",
    tfsec: ["aws-s3-block-public-policy"],
    checkov: ["CKV_AWS_54"],
    sources: { trivy: "s3/block_public_policy.rego", checkov: "resource/aws/S3BlockPublicPolicy.py" },
  },
  {
    id: "AWS-0088",
    tfsec: ["aws-s3-enable-bucket-encryption"],
    checkov: ["CKV_AWS_19"],
    sources: {
      trivy: "s3/enable_bucket_encryption.rego",
      checkov: "graph_checks/aws/S3BucketEncryption.yaml",
    },
  },
  {
    id: "AWS-0089",
    tfsec: ["aws-s3-enable-bucket-logging", "aws-s3-enable-logging"],
    checkov: ["CKV_AWS_18"],
    sources: { trivy: "s3/enable_logging.rego", checkov: "graph_checks/aws/S3BucketLogging.yaml" },
  },
  {
    id: "AWS-0090",
    tfsec: ["aws-s3-enable-versioning"],
    checkov: ["CKV_AWS_21"],
    sources: { trivy: "s3/enable_versioning.rego", checkov: "graph_checks/aws/S3BucketVersioning.yaml" },
  },
  {
    id: "AWS-0091",
    tfsec: ["aws-s3-ignore-public-acls"],
    checkov: ["CKV_AWS_55"],
    sources: { trivy: "s3/ignore_public_acls.rego", checkov: "resource/aws/S3IgnorePublicACLs.py" },
  },
  {
    id: "AWS-0093",
    tfsec: ["aws-s3-no-public-buckets"],
    checkov: ["CKV_AWS_56"],
    sources: { trivy: "s3/no_public_buckets.rego", checkov: "resource/aws/S3RestrictPublicBuckets.py" },
  },
  {
    id: "AWS-0094",
    tfsec: ["aws-s3-specify-public-access-block"],
    checkov: ["CKV2_AWS_6"],
    sources: {
      trivy: "s3/specify_public_access_block.rego",
      checkov: "graph_checks/aws/S3BucketHasPublicAccessBlock.yaml",
    },
  },
  {
    id: "AWS-0096",
    tfsec: ["aws-sqs-enable-queue-encryption"],
    checkov: ["CKV_AWS_27"],
    sources: { trivy: "sqs/enable_queue_encryption.rego", checkov: "resource/aws/SQSQueueEncryption.py" },
  },
  {
    id: "AWS-0098",
    tfsec: ["aws-ssm-secret-use-customer-key"],
    checkov: ["CKV_AWS_149"],
    sources: {
      trivy: "ssm/secret_use_customer_key.rego",
      checkov: "resource/aws/SecretManagerSecretEncrypted.py",
    },
  },
  {
    id: "AWS-0124",
    tfsec: [
      "aws-ec2-add-description-to-security-group-rule",
      "aws-vpc-add-description-to-security-group-rule",
    ],
    checkov: ["CKV_AWS_23"],
    sources: {
      trivy: "ec2/add_description_to_security_group_rule.rego",
      checkov: "resource/aws/SecurityGroupRuleDescription.py",
    },
  },
  {
    id: "AWS-0131",
    tfsec: ["aws-ec2-enable-at-rest-encryption"],
    checkov: ["CKV_AWS_8"],
    sources: {
      trivy: "ec2/enable_at_rest_encryption.rego",
      checkov: "resource/aws/LaunchConfigurationEBSEncryption.py",
    },
  },
  {
    id: "AWS-0132",
    tfsec: ["aws-s3-encryption-customer-key"],
    checkov: ["CKV_AWS_145"],
    sources: {
      trivy: "s3/encryption_customer_key.rego",
      checkov: "graph_checks/aws/S3KMSEncryptedByDefault.yaml",
    },
  },
  {
    id: "AWS-0176",
    tfsec: ["aws-rds-enable-iam-auth"],
    checkov: ["CKV_AWS_161"],
    sources: { trivy: "rds/enable_iam_auth.rego", checkov: "resource/aws/RDSIAMAuthentication.py" },
  },
  {
    id: "AWS-0177",
    tfsec: ["aws-rds-enable-deletion-protection"],
    checkov: ["CKV_AWS_293"],
    sources: {
      trivy: "rds/enable_deletion_protection.rego",
      checkov: "resource/aws/RDSInstanceDeletionProtection.py",
    },
  },
  {
    id: "AWS-0180",
    tfsec: ["aws-rds-enable-public-access"],
    checkov: ["CKV_AWS_17"],
    sources: { trivy: "rds/disable_public_access.rego", checkov: "resource/aws/RDSPubliclyAccessible.py" },
  },
];
