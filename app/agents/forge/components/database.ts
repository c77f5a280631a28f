/**
 * database → the RDS module (with a security group from the security-group module) or the Aurora module: private
 * database subnets, storage and Performance Insights encrypted with the stack key, the master password kept in
 * Secrets Manager by RDS, TLS required, deletion protection and a final snapshot, logs exported for a year.
 */
import type { DatabaseComponent } from "../../../contracts/generated/plan-spec.js";
import {
  DATABASE_ENGINES,
  DATABASE_MASTER_USERNAME,
  DEFAULT_BACKUP_RETENTION_DAYS,
} from "../catalog/engines.js";
import { logRetention } from "../catalog/retention.js";
import { attr, attrs, blank, comment, ref, type Body, type Value } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import { fitName, type StackContext } from "../stack/context.js";
import type { OutputSpec, RenderedComponent } from "../stack/rendered.js";
import { databaseName, databaseRefs } from "./data-store-refs.js";
import { globalClusterBlocks, globalDependsOn, globalInputs } from "./database-global.js";
import { globalPair } from "./database-global-refs.js";
import { functionSecurityGroup } from "./function-vpc.js";

/** The certificate authority RDS instances use (Checkov CKV_AWS_211 asks for a current one). */
const RDS_CA = "rds-ca-rsa2048-g1";

/** Performance Insights does not run on the micro and small burstable classes. */
function supportsPerformanceInsights(instanceClass: string): boolean {
  return !/^db\.t\d+g?\.(micro|small)$/.test(instanceClass);
}

function performanceInsights(db: DatabaseComponent, ctx: StackContext): Record<string, Value> {
  if (!supportsPerformanceInsights(db.params.instanceClass)) return { performance_insights_enabled: false };
  return {
    performance_insights_enabled: true,
    performance_insights_kms_key_id: ctx.keyArn,
    performance_insights_retention_period: 7,
  };
}

function settings(db: DatabaseComponent) {
  const engine = DATABASE_ENGINES[db.params.flavor][db.params.engine];
  const version = db.params.engineVersion ?? engine.defaultVersion;
  const major = engine.major(version)!;
  return { engine, version, major, family: engine.family(major) };
}

/** The services allowed to connect: every container service and function linked to the database. */
function clients(db: DatabaseComponent, ctx: StackContext) {
  return [
    ...ctx.linked(db, "container-service").map((s) => ({
      id: s.id,
      label: ctx.label(s),
      securityGroup: ref(`module.${ctx.label(s)}.security_group_id`),
    })),
    ...ctx
      .linked(db, "function")
      .map((fn) => ({ id: fn.id, label: ctx.label(fn), securityGroup: ref(functionSecurityGroup(fn, ctx)) })),
  ];
}

/** Without this, RDS enrolls a major version past its end of standard support in paid Extended Support. */
const NO_EXTENDED_SUPPORT = "open-source-rds-extended-support-disabled";

function common(db: DatabaseComponent, ctx: StackContext): Record<string, Value> {
  const { engine } = settings(db);
  return {
    storage_encrypted: true,
    kms_key_id: ctx.keyArn,
    manage_master_user_password: true,
    master_user_secret_kms_key_id: ctx.keyArn,
    backup_retention_period: db.params.backupRetentionDays ?? DEFAULT_BACKUP_RETENTION_DAYS,
    deletion_protection: db.params.deletionProtection ?? true,
    skip_final_snapshot: false,
    copy_tags_to_snapshot: true,
    iam_database_authentication_enabled: true,
    enabled_cloudwatch_logs_exports: [...engine.logExports],
    create_cloudwatch_log_group: true,
    cloudwatch_log_group_retention_in_days: logRetention(undefined),
    cloudwatch_log_group_kms_key_id: ctx.keyArn,
  };
}

function renderRds(db: DatabaseComponent, ctx: StackContext): Body {
  const label = ctx.label(db);
  const network = ctx.label(ctx.ofKind("network")[0]!);
  const { engine, version, major, family } = settings(db);
  const securityGroup = moduleCall(`${label}_security_group`, MODULES.securityGroup, [
    ...attrs({
      name: ctx.awsName(db, 200),
      description: `${db.id}: ${engine.engine} from the services that use it, and nothing else`,
      vpc_id: ref(`module.${network}.vpc_id`),
      ingress_with_source_security_group_id: clients(db, ctx).map((c) => ({
        from_port: String(engine.port),
        to_port: String(engine.port),
        protocol: "tcp",
        description: `From ${c.id}`,
        source_security_group_id: c.securityGroup,
      })),
    }),
  ]);
  const instance = moduleCall(label, MODULES.rds, [
    ...attrs({ identifier: ctx.awsName(db, 63) }),
    blank,
    ...attrs({
      engine: engine.engine,
      engine_version: version,
      family,
      major_engine_version: major,
      instance_class: db.params.instanceClass,
      ca_cert_identifier: RDS_CA,
      auto_minor_version_upgrade: true,
      engine_lifecycle_support: NO_EXTENDED_SUPPORT,
    }),
    blank,
    ...attrs({
      allocated_storage: db.params.storageGb,
      max_allocated_storage: db.params.storageGb * 2,
      storage_type: "gp3",
    }),
    blank,
    ...attrs({
      db_name: databaseName(db, ctx),
      username: DATABASE_MASTER_USERNAME,
      port: String(engine.port),
      parameters: [engine.tlsParameter],
    }),
    blank,
    ...attrs({
      multi_az: db.params.multiAz,
      db_subnet_group_name: ref(`module.${network}.database_subnet_group_name`),
      vpc_security_group_ids: [ref(`module.${label}_security_group.security_group_id`)],
      publicly_accessible: false,
    }),
    blank,
    ...attrs(common(db, ctx)),
    blank,
    ...attrs({
      ...performanceInsights(db, ctx),
      create_monitoring_role: true,
      monitoring_interval: 60,
      monitoring_role_name: fitName(`${ctx.spec.name}-${db.id}-monitoring`, 32),
      monitoring_role_use_name_prefix: true,
    }),
  ]);
  return [...securityGroup, blank, ...instance];
}

function renderAurora(db: DatabaseComponent, ctx: StackContext): Body {
  const label = ctx.label(db);
  const network = ctx.label(ctx.ofKind("network")[0]!);
  const { engine, version, family } = settings(db);
  const global = globalPair(db, ctx) ? globalInputs(db, ctx) : {};
  const secondary = db.params.replicaOf !== undefined;
  const instances = Object.fromEntries(
    Array.from({ length: db.params.instances }, (_, i) => [
      String(i + 1),
      { instance_class: db.params.instanceClass, ...performanceInsights(db, ctx) },
    ]),
  );
  const cluster = moduleCall(label, MODULES.rdsAurora, [
    ...attrs({ name: ctx.awsName(db, 63) }),
    blank,
    ...attrs({
      engine: engine.engine,
      engine_version: version,
      engine_lifecycle_support: NO_EXTENDED_SUPPORT,
      master_username: secondary ? undefined : DATABASE_MASTER_USERNAME,
      database_name: secondary ? undefined : databaseName(db, ctx),
      port: String(engine.port),
      cluster_parameter_group: {
        name: ctx.awsName(db, 200),
        family,
        description: `${db.id}: TLS required`,
        parameters: [{ ...engine.tlsParameter, apply_method: "pending-reboot" }],
      },
    }),
    blank,
    attr("instances", instances),
    blank,
    ...attrs({
      vpc_id: ref(`module.${network}.vpc_id`),
      db_subnet_group_name: ref(`module.${network}.database_subnet_group_name`),
      security_group_ingress_rules: Object.fromEntries(
        clients(db, ctx).map((c) => [
          c.label,
          {
            from_port: engine.port,
            to_port: engine.port,
            ip_protocol: "tcp",
            referenced_security_group_id: c.securityGroup,
            description: `From ${c.id}`,
          },
        ]),
      ),
    }),
    blank,
    ...attrs({
      ...common(db, ctx),
      ...(globalPair(db, ctx)
        ? { manage_master_user_password: undefined, master_user_secret_kms_key_id: undefined }
        : {}),
      final_snapshot_identifier: fitName(`${ctx.spec.name}-${db.id}-final`, 255),
    }),
    ...(Object.keys(global).length ? [blank, comment("Aurora Global Database."), ...attrs(global)] : []),
    blank,
    ...attrs({
      cluster_monitoring_interval: 60,
      create_monitoring_role: true,
      iam_role_name: fitName(`${ctx.spec.name}-${db.id}-monitoring`, 32),
      iam_role_use_name_prefix: true,
    }),
    ...globalDependsOn(db, ctx),
  ]);
  return [...globalClusterBlocks(db, ctx), ...cluster];
}

export function renderDatabase(db: DatabaseComponent, ctx: StackContext): RenderedComponent {
  const label = ctx.label(db);
  const refs = databaseRefs(db, ctx);
  const outputs: OutputSpec[] = [
    { name: `${label}_endpoint`, description: `The address ${db.id} answers on.`, value: refs.host },
    {
      name: `${label}_master_user_secret_arn`,
      description: globalPair(db, ctx)
        ? `The Secrets Manager secret holding ${db.id}'s master user credentials in ${ctx.region} (its ARN, not the password): the stack writes it, as RDS does not for a global database.`
        : `The Secrets Manager secret RDS keeps ${db.id}'s master user credentials in (its ARN, not the password).`,
      value: refs.secretArn,
    },
  ];
  return { body: db.params.flavor === "aurora" ? renderAurora(db, ctx) : renderRds(db, ctx), outputs };
}
