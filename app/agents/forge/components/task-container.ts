/**
 * What every ECS task Forge renders shares: a read-only root file system with a scratch /tmp, the links' environment
 * and secrets, logs encrypted with the stack key, and HTTPS egress for image pulls and AWS APIs.
 */
import { logRetention } from "../catalog/retention.js";
import { attrs, comment, type BodyItem, type Value } from "../hcl/ast.js";
import type { StackContext } from "../stack/context.js";
import type { ServiceLinks } from "./container-links.js";

/** The container's name in the task definition. */
export const CONTAINER_NAME = "app";

type Fields = Record<string, Value>;

/** The module's own log group for the container: the retention asked for, encrypted with the stack key. */
export function ownLogGroup(logRetentionDays: number | undefined, ctx: StackContext): Fields {
  return {
    cloudwatch_log_group_retention_in_days: logRetention(logRetentionDays),
    cloudwatch_log_group_kms_key_id: ctx.keyArn,
  };
}

/**
 * A container definition: `ports` and `logs` slot in where the ECS service module's examples put them; a private
 * registry's credentials (a Secrets Manager ARN) go in `repositoryCredentials`.
 */
export function baseContainer(
  image: string,
  links: ServiceLinks,
  ports: Fields,
  logs: Fields,
  pullSecret?: string,
): Fields {
  return {
    image,
    ...(pullSecret ? { repositoryCredentials: { credentialsParameter: pullSecret } } : {}),
    essential: true,
    readonlyRootFilesystem: true,
    ...ports,
    ...(links.environment.length > 0 ? { environment: links.environment } : {}),
    ...(links.secrets.length > 0 ? { secrets: links.secrets } : {}),
    mountPoints: [{ sourceVolume: "tmp", containerPath: "/tmp", readOnly: false }],
    ...logs,
  };
}

export const HTTPS_EGRESS: Fields = {
  https: {
    from_port: 443,
    to_port: 443,
    ip_protocol: "tcp",
    cidr_ipv4: "0.0.0.0/0",
    description: "Image pulls and AWS APIs over HTTPS, through the NAT gateway",
  },
};

/**
 * The task role's statements for the links, and the execution role's access to the secrets it injects and to the
 * registry credentials it pulls the image with.
 */
export function taskRoles(
  links: ServiceLinks,
  ctx: StackContext,
  what: string,
  pullSecret?: string,
): BodyItem[] {
  const execSecrets = [...(pullSecret ? [pullSecret] : []), ...links.secretArns];
  return [
    comment(`The task role reaches only the queues and buckets this ${what} is linked to.`),
    ...(pullSecret
      ? [
          comment(
            "The execution role reads the registry credentials to pull the image; ECR images need none.",
          ),
        ]
      : []),
    ...attrs({
      tasks_iam_role_statements: links.taskStatements,
      task_exec_secret_arns: execSecrets.length > 0 ? execSecrets : undefined,
      task_exec_iam_statements:
        links.secretArns.length > 0 ? [{ actions: ["kms:Decrypt"], resources: [ctx.keyArn] }] : undefined,
    }),
  ];
}
