/**
 * A function linked to a database runs in the VPC's private subnets: its own security group reaches the database on
 * its port, the Secrets Manager interface endpoint on 443 and, for its tables and buckets, DynamoDB's and S3's
 * gateway endpoints on 443 (by their prefix lists); its role reads the database's secret.
 */
import type { FunctionComponent } from "../../../contracts/generated/plan-spec.js";
import { andList } from "../../../format/and-list.js";
import { attrs, ref, type Body, type Value } from "../hcl/ast.js";
import { moduleCall } from "../module-call.js";
import { MODULES } from "../modules/index.js";
import type { StackContext } from "../stack/context.js";
import { databaseRefs, envPrefixOf } from "./data-store-refs.js";
import { gatewayPrefixList, type GatewayService } from "./network.js";

export interface FunctionVpc {
  /** The lambda module's VPC inputs. */
  readonly inputs: Body;
  /** The function's security group, a module call beside the function's. */
  readonly securityGroup: Body;
  readonly environment: Record<string, Value>;
  readonly statements: Record<string, Value>;
}

/** The security group a function in a VPC runs with (what a database's group admits). */
export function functionSecurityGroup(fn: FunctionComponent, ctx: StackContext): string {
  return `module.${ctx.label(fn)}_security_group.security_group_id`;
}

export function functionVpc(fn: FunctionComponent, ctx: StackContext): FunctionVpc | undefined {
  const databases = ctx.linked(fn, "database");
  if (databases.length === 0) return undefined;
  const label = ctx.label(fn);
  const network = ctx.label(ctx.ofKind("network")[0]!);
  const environment: Record<string, Value> = {};
  const statements: Record<string, Value> = {};
  const egress: Value[] = [];
  for (const db of databases) {
    const refs = databaseRefs(db, ctx);
    const prefix = envPrefixOf(db, ctx);
    Object.assign(environment, {
      [`${prefix}_HOST`]: refs.host,
      [`${prefix}_PORT`]: String(refs.port),
      [`${prefix}_NAME`]: refs.name,
      [`${prefix}_SECRET_ARN`]: refs.secretArn,
    });
    statements[`secret_${ctx.label(db)}`] = {
      effect: "Allow",
      actions: ["secretsmanager:GetSecretValue"],
      resources: [refs.secretArn],
    };
    egress.push({
      from_port: String(refs.port),
      to_port: String(refs.port),
      protocol: "tcp",
      description: `To ${db.id}`,
      source_security_group_id: refs.securityGroup,
    });
  }
  const gateways: [GatewayService, string][] = [
    ...(ctx.linked(fn, "key-value-store").length > 0
      ? [["dynamodb", "DynamoDB"] as [GatewayService, string]]
      : []),
    ...(ctx.linked(fn, "object-storage").length > 0 ? [["s3", "S3"] as [GatewayService, string]] : []),
  ];
  const securityGroup = moduleCall(`${label}_security_group`, MODULES.securityGroup, [
    ...attrs({
      name: ctx.awsName(fn, 200),
      description: `${fn.id}: to ${andList(["its database", ...gateways.map(([, name]) => name), "the Secrets Manager endpoint"])}, and nothing else`,
      vpc_id: ref(`module.${network}.vpc_id`),
      egress_with_source_security_group_id: egress,
      egress_with_cidr_blocks: [
        {
          from_port: "443",
          to_port: "443",
          protocol: "tcp",
          description: "To the Secrets Manager interface endpoint, inside the VPC",
          cidr_blocks: ref(`module.${network}.vpc_cidr_block`),
        },
      ],
      egress_with_prefix_list_ids:
        gateways.length > 0
          ? gateways.map(([service, name]) => ({
              from_port: "443",
              to_port: "443",
              protocol: "tcp",
              description: `To ${name}, through its gateway endpoint`,
              prefix_list_ids: ref(gatewayPrefixList(ctx, service)),
            }))
          : undefined,
    }),
  ]);
  return {
    inputs: attrs({
      vpc_subnet_ids: ref(`module.${network}.private_subnets`),
      vpc_security_group_ids: [ref(functionSecurityGroup(fn, ctx))],
      attach_network_policy: true,
    }),
    securityGroup,
    environment,
    statements,
  };
}
