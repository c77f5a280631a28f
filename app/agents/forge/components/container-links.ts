/**
 * What a container service gets from the components it is linked to: environment variables, secrets, IAM
 * statements for its task role, and security group rules, each scoped to the one resource it needs.
 */
import type {
  Component,
  ContainerServiceComponent,
  ScheduledTaskComponent,
} from "../../../contracts/generated/plan-spec.js";
import { ref, template, type Expr, type Value } from "../hcl/ast.js";
import type { StackContext } from "../stack/context.js";
import { cacheRefs, databaseRefs, envPrefixOf, secretKey, type DataStoreRefs } from "./data-store-refs.js";
import { streamLinks } from "./stream-links.js";

type Rule = { readonly [key: string]: Value };

export interface ServiceLinks {
  readonly environment: { name: string; value: Value }[];
  readonly secrets: { name: string; valueFrom: Expr }[];
  /** Secrets the task execution role may read to inject them. */
  readonly secretArns: Expr[];
  readonly taskStatements: Rule[];
  readonly egress: Record<string, Rule>;
}

const QUEUE_ACTIONS = [
  "sqs:ChangeMessageVisibility",
  "sqs:DeleteMessage",
  "sqs:GetQueueAttributes",
  "sqs:ReceiveMessage",
  "sqs:SendMessage",
];

/** Where a linked data store is: its host and port in the environment, and a rule letting the tasks reach it. */
function reachDataStore(
  links: ServiceLinks,
  store: Component,
  ctx: StackContext,
  refs: DataStoreRefs,
  what: string,
): void {
  const { id } = store;
  const label = ctx.label(store);
  const prefix = envPrefixOf(store, ctx);
  links.environment.push(
    { name: `${prefix}_HOST`, value: refs.host },
    { name: `${prefix}_PORT`, value: String(refs.port) },
  );
  links.egress[label] = {
    from_port: refs.port,
    to_port: refs.port,
    ip_protocol: "tcp",
    referenced_security_group_id: refs.securityGroup,
    description: `To the ${id} ${what}`,
  };
}

export function serviceLinks(
  service: ContainerServiceComponent | ScheduledTaskComponent,
  ctx: StackContext,
): ServiceLinks {
  const links: ServiceLinks = {
    environment: [],
    secrets: [],
    secretArns: [],
    taskStatements: [],
    egress: {},
  };
  for (const db of ctx.linked(service, "database")) {
    const refs = databaseRefs(db, ctx);
    const prefix = envPrefixOf(db, ctx);
    reachDataStore(links, db, ctx, refs, "database");
    links.environment.push({ name: `${prefix}_NAME`, value: refs.name });
    links.secrets.push(
      { name: `${prefix}_PASSWORD`, valueFrom: secretKey(refs.secretArn, "password") },
      { name: `${prefix}_USERNAME`, valueFrom: secretKey(refs.secretArn, "username") },
    );
    links.secretArns.push(refs.secretArn);
  }
  for (const cache of ctx.linked(service, "cache")) {
    reachDataStore(links, cache, ctx, cacheRefs(cache, ctx), "cache");
    links.environment.push({ name: `${envPrefixOf(cache, ctx)}_TLS`, value: "true" });
  }
  const queues = ctx.linked(service, "queue");
  for (const queue of queues) {
    const label = ctx.label(queue);
    links.environment.push({
      name: `${envPrefixOf(queue, ctx)}_QUEUE_URL`,
      value: ref(`module.${label}.queue_url`),
    });
    links.taskStatements.push({ actions: QUEUE_ACTIONS, resources: [ref(`module.${label}.queue_arn`)] });
  }
  const buckets = ctx.linked(service, "object-storage");
  for (const bucket of buckets) {
    const arn = ref(`module.${ctx.label(bucket)}.s3_bucket_arn`);
    links.environment.push({
      name: `${envPrefixOf(bucket, ctx)}_BUCKET`,
      value: ref(`module.${ctx.label(bucket)}.s3_bucket_id`),
    });
    links.taskStatements.push(
      { actions: ["s3:ListBucket"], resources: [arn] },
      { actions: ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"], resources: [template(arn, "/*")] },
    );
  }
  const streams = ctx.linked(service, "stream");
  for (const stream of streams) streamLinks(links, stream, ctx);
  if (queues.length > 0 || buckets.length > 0 || streams.some((st) => st.params.engine === "kinesis")) {
    links.taskStatements.push({ actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: [ctx.keyArn] });
  }
  links.environment.sort((a, b) => (a.name < b.name ? -1 : 1));
  links.secrets.sort((a, b) => (a.name < b.name ? -1 : 1));
  return links;
}
