// Generated from schemas/ by scripts/gen-types.ts. Do not edit; run `npm run gen`.
export type Component =
  | NetworkComponent
  | LoadBalancerComponent
  | ContainerServiceComponent
  | DatabaseComponent
  | CacheComponent
  | ObjectStorageComponent
  | CdnComponent
  | QueueComponent
  | LogGroupComponent
  | FunctionComponent
  | HttpApiComponent
  | KeyValueStoreComponent
  | ScheduledTaskComponent
  | StreamComponent
  | KubernetesClusterComponent
  | DomainComponent
  | OtherComponent;
export type ComponentId = string;
export type DependsOn = ComponentId[];
/**
 * Why this component, sized this way.
 */
export type Rationale = string;

/**
 * Atlas's design for a goal: components with sizing, the capacity, availability and cost math that justify it, trade-offs, risks and a diagram. Forge renders it to Terraform.
 */
export interface PlanSpec {
  /**
   * The contract version. Every artifact carries it.
   */
  schemaVersion: "0.1";
  kind: "PlanSpec";
  /**
   * A stable identifier of this artifact, derived from its content.
   */
  id: string;
  /**
   * An RFC 3339 date-time in UTC.
   */
  createdAt: string;
  goalRef: GoalRef;
  /**
   * A goal or stack name: lowercase letters, digits and dashes. It names the branch, the stack directory and the resources.
   */
  name: string;
  summary: string;
  cloud: "aws";
  /**
   * An AWS region code.
   */
  region: string;
  /**
   * A two-region design: the primary (equal to region) and the secondary. A component with no region of its own is in the primary.
   *
   * @minItems 2
   * @maxItems 2
   */
  regions?: string[];
  multiRegion?: MultiRegion;
  /**
   * The deployment environment.
   */
  environment: "dev" | "staging" | "prod";
  /**
   * The catalog pattern the design is built from.
   */
  pattern:
    | "web-api"
    | "static-site"
    | "worker"
    | "serverless-api"
    | "scheduled-job"
    | "stream-processor"
    | "kubernetes";
  compliance?: ("pci" | "hipaa" | "gdpr" | "soc2" | "iso27001")[];
  owners?: string[];
  tags: Tags;
  /**
   * @minItems 1
   */
  components: Component[];
  capacity: Capacity;
  availability: Availability;
  cost: CostEstimate;
  /**
   * Options considered and rejected, with the reason.
   */
  alternatives: Alternative[];
  /**
   * The failure impact of each component.
   */
  risks: Risk[];
  /**
   * Suggestions that would save money, with an estimated yearly saving.
   */
  savings: Saving[];
  /**
   * What Atlas assumed on the person's behalf where the goal does not say (architecture, sizes, engine versions, traffic shape), each with the value it used and why. A relaxed retry that changed one says so.
   */
  assumptions?: Assumption[];
  /**
   * The relaxed retries Atlas made to fit the constraints, in order.
   *
   * @maxItems 2
   */
  relaxations?: string[];
  diagram: Diagram;
  terraform: TerraformTarget;
}
/**
 * The goal an artifact was produced for.
 */
export interface GoalRef {
  /**
   * A goal or stack name: lowercase letters, digits and dashes. It names the branch, the stack directory and the resources.
   */
  name: string;
  /**
   * sha256 of the goal's canonical JSON.
   */
  hash: string;
  /**
   * The GitHub issue the goal was filed as, when it came from one.
   */
  issue?: {
    /**
     * A GitHub repository as owner/name.
     */
    repo: string;
    number: number;
  };
}
export interface MultiRegion {
  /**
   * active-passive: Route 53 fails over to the secondary when the primary's health check fails. active-active: both serve, Route 53 answers with the lower-latency healthy region.
   */
  mode: "active-passive" | "active-active";
}
/**
 * AWS resource tags: key to value.
 */
export interface Tags {
  [k: string]: string;
}
export interface NetworkComponent {
  id: ComponentId;
  kind: "network";
  params: NetworkParams;
  dependsOn: DependsOn;
  rationale: Rationale;
  /**
   * Where the component runs, in a two-region PlanSpec: one of regions. Without it, the primary region.
   */
  region?: string;
}
export interface NetworkParams {
  cidr: string;
  azCount: number;
  /**
   * 0, 1 (shared) or one per AZ.
   */
  natGateways: number;
  flowLogs: boolean;
  flowLogRetentionDays?: number;
  /**
   * An S3 gateway endpoint on the private route tables: free, and S3 traffic skips the NAT gateway's per-GB charge.
   */
  s3GatewayEndpoint?: boolean;
  /**
   * A DynamoDB gateway endpoint on the private route tables: free, so functions in a VPC without NAT reach their tables.
   */
  dynamodbGatewayEndpoint?: boolean;
  /**
   * A Secrets Manager interface endpoint in the private subnets (billed per AZ-hour and per GB), so functions in a VPC without NAT read the database secret privately.
   */
  secretsManagerEndpoint?: boolean;
}
export interface LoadBalancerComponent {
  id: ComponentId;
  kind: "load-balancer";
  params: LoadBalancerParams;
  dependsOn: DependsOn;
  rationale: Rationale;
  /**
   * Where the component runs, in a two-region PlanSpec: one of regions. Without it, the primary region.
   */
  region?: string;
}
export interface LoadBalancerParams {
  scheme: "internet-facing" | "internal";
  targetPort: number;
  healthCheckPath: string;
  idleTimeoutSeconds?: number;
  deletionProtection?: boolean;
  waf?: boolean;
  /**
   * IPv4 ranges allowed in: for an internal load balancer, besides the VPC; for an internet-facing one, instead of 0.0.0.0/0.
   */
  allowedCidrs?: string[];
}
export interface ContainerServiceComponent {
  id: ComponentId;
  kind: "container-service";
  params: ContainerServiceParams;
  dependsOn: DependsOn;
  rationale: Rationale;
  /**
   * Where the component runs, in a two-region PlanSpec: one of regions. Without it, the primary region.
   */
  region?: string;
}
export interface ContainerServiceParams {
  image: string;
  port?: number;
  /**
   * vCPUs per task.
   */
  cpu: 0.25 | 0.5 | 1 | 2 | 4;
  memoryMb: number;
  cpuArchitecture?: "X86_64" | "ARM64";
  /**
   * The Secrets Manager secret the task execution role reads to pull the image from a private registry.
   */
  repositoryCredentialsArn?: string;
  desiredCount: number;
  minCount: number;
  maxCount: number;
  scaling: ScalingPolicy;
  healthCheckPath?: string;
  logRetentionDays?: number;
  gpu?: GpuParams;
}
export interface ScalingPolicy {
  metric: "cpu" | "requests-per-target" | "queue-depth";
  /**
   * The target-tracking value: for cpu, average CPU percent; for requests-per-target, ALB requests per task per minute (ALBRequestCountPerTarget); for queue-depth, visible messages per running task (backlog per task).
   */
  target: number;
}
/**
 * GPUs per task. The service runs on an EC2 capacity provider (an Auto Scaling group of the GPU family, ECS GPU-optimised AMI) instead of Fargate, one task per instance.
 */
export interface GpuParams {
  type: "nvidia-a10g" | "nvidia-l4" | "nvidia-t4";
  count: number;
  /**
   * An instance type of the GPU's family; Forge picks the smallest that fits the task when absent.
   */
  instanceType?: string;
}
export interface DatabaseComponent {
  id: ComponentId;
  kind: "database";
  params: DatabaseParams;
  dependsOn: DependsOn;
  rationale: Rationale;
  /**
   * Where the component runs, in a two-region PlanSpec: one of regions. Without it, the primary region.
   */
  region?: string;
}
export interface DatabaseParams {
  engine: "postgres" | "mysql";
  flavor: "rds" | "aurora";
  engineVersion?: string;
  /**
   * The database created inside the instance or cluster: a letter, then letters, digits or underscores, and not a word the engine reserves.
   */
  databaseName?: string;
  instanceClass: string;
  /**
   * Aurora: writer plus readers. RDS: 1.
   */
  instances: number;
  storageGb: number;
  multiAz: boolean;
  backupRetentionDays?: number;
  deletionProtection?: boolean;
  /**
   * Aurora Global Database: this cluster is the secondary of the named database component, in another region of regions (read-only until a failover or switchover).
   */
  replicaOf?: string;
}
export interface CacheComponent {
  id: ComponentId;
  kind: "cache";
  params: CacheParams;
  dependsOn: DependsOn;
  rationale: Rationale;
  /**
   * Where the component runs, in a two-region PlanSpec: one of regions. Without it, the primary region.
   */
  region?: string;
}
export interface CacheParams {
  engine: "redis";
  engineVersion?: string;
  nodeType: string;
  nodes: number;
  multiAz: boolean;
}
export interface ObjectStorageComponent {
  id: ComponentId;
  kind: "object-storage";
  params: ObjectStorageParams;
  dependsOn: DependsOn;
  rationale: Rationale;
  /**
   * Where the component runs, in a two-region PlanSpec: one of regions. Without it, the primary region.
   */
  region?: string;
}
export interface ObjectStorageParams {
  /**
   * The logical bucket name; Forge prefixes it with the stack name.
   */
  bucket: string;
  purpose: "data" | "site" | "logs";
  versioning: boolean;
  storageGb?: number;
}
export interface CdnComponent {
  id: ComponentId;
  kind: "cdn";
  params: CdnParams;
  dependsOn: DependsOn;
  rationale: Rationale;
  /**
   * Where the component runs, in a two-region PlanSpec: one of regions. Without it, the primary region.
   */
  region?: string;
}
export interface CdnParams {
  /**
   * The id of the origin component.
   */
  origin: string;
  priceClass: "PriceClass_100" | "PriceClass_200" | "PriceClass_All";
  defaultRootObject?: string;
  monthlyGbOut?: number;
  monthlyRequestsMillions?: number;
  /**
   * A WAF web ACL (AWS managed rules and a per-IP rate limit) in front of the distribution; true when absent.
   */
  waf?: boolean;
}
export interface QueueComponent {
  id: ComponentId;
  kind: "queue";
  params: QueueParams;
  dependsOn: DependsOn;
  rationale: Rationale;
  /**
   * Where the component runs, in a two-region PlanSpec: one of regions. Without it, the primary region.
   */
  region?: string;
}
export interface QueueParams {
  visibilityTimeoutSeconds: number;
  messageRetentionSeconds: number;
  deadLetter: DeadLetterParams;
  monthlyRequestsMillions?: number;
}
export interface DeadLetterParams {
  maxReceiveCount: number;
  messageRetentionSeconds?: number;
}
export interface LogGroupComponent {
  id: ComponentId;
  kind: "log-group";
  params: LogGroupParams;
  dependsOn: DependsOn;
  rationale: Rationale;
  /**
   * Where the component runs, in a two-region PlanSpec: one of regions. Without it, the primary region.
   */
  region?: string;
}
export interface LogGroupParams {
  retentionDays:
    | 1
    | 3
    | 5
    | 7
    | 14
    | 30
    | 60
    | 90
    | 120
    | 150
    | 180
    | 365
    | 400
    | 545
    | 731
    | 1096
    | 1827
    | 2192
    | 2557
    | 2922
    | 3288
    | 3653;
  monthlyIngestGb?: number;
}
export interface FunctionComponent {
  id: ComponentId;
  kind: "function";
  params: FunctionParams;
  /**
   * Where the component runs, in a two-region PlanSpec: one of regions. Without it, the primary region.
   */
  region?: string;
  dependsOn: DependsOn;
  rationale: Rationale;
}
/**
 * An AWS Lambda function: a container image from ECR, or a runtime whose zip package the stack takes as input (bucket and key).
 */
export interface FunctionParams {
  /**
   * A container image in Amazon ECR (Lambda pulls images from ECR only).
   */
  image?: string;
  runtime?: string;
  handler?: string;
  memoryMb: number;
  timeoutSeconds: number;
  architecture: "x86_64" | "arm64";
  /**
   * Concurrent executions reserved for (and capping) the function.
   */
  reservedConcurrency?: number;
  logRetentionDays?: number;
  /**
   * Invocations a month, in millions (for the cost estimate).
   */
  monthlyRequestsMillions?: number;
  /**
   * Average billed duration of one invocation (for the cost estimate).
   */
  avgDurationMs?: number;
}
export interface HttpApiComponent {
  id: ComponentId;
  kind: "http-api";
  params: HttpApiParams;
  /**
   * Where the component runs, in a two-region PlanSpec: one of regions. Without it, the primary region.
   */
  region?: string;
  dependsOn: DependsOn;
  rationale: Rationale;
}
/**
 * An API Gateway HTTP API whose default route invokes the one function it is linked to.
 */
export interface HttpApiParams {
  throttle: {
    burstLimit: number;
    /**
     * Steady requests per second.
     */
    rateLimit: number;
  };
  /**
   * none: a public API (the routes take no authorization); iam: SigV4-signed callers; jwt: a JWT authorizer.
   */
  auth: "none" | "iam" | "jwt";
  jwt?: {
    issuer: string;
    /**
     * @minItems 1
     */
    audience: string[];
  };
  logRetentionDays?: number;
  /**
   * Requests a month, in millions (for the cost estimate).
   */
  monthlyRequestsMillions?: number;
}
export interface KeyValueStoreComponent {
  id: ComponentId;
  kind: "key-value-store";
  params: KeyValueStoreParams;
  /**
   * Where the component runs, in a two-region PlanSpec: one of regions. Without it, the primary region.
   */
  region?: string;
  dependsOn: DependsOn;
  rationale: Rationale;
}
/**
 * A DynamoDB table: on-demand capacity, point-in-time recovery, encrypted with the stack key; a global table when replicaRegions is set.
 */
export interface KeyValueStoreParams {
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  billingMode?: "on-demand";
  /**
   * On unless false.
   */
  pointInTimeRecovery?: boolean;
  ttlAttribute?: string;
  deletionProtection?: boolean;
  /**
   * DynamoDB global table replicas: the other regions of regions.
   *
   * @maxItems 1
   */
  replicaRegions?: string[];
  /**
   * Table size (for the cost estimate).
   */
  storageGb?: number;
  /**
   * Read request units a month, in millions.
   */
  monthlyReadsMillions?: number;
  /**
   * Write request units a month, in millions.
   */
  monthlyWritesMillions?: number;
}
export interface KeyAttribute {
  name: string;
  /**
   * S string, N number, B binary.
   */
  type: "S" | "N" | "B";
}
export interface ScheduledTaskComponent {
  id: ComponentId;
  kind: "scheduled-task";
  params: ScheduledTaskParams;
  /**
   * Where the component runs, in a two-region PlanSpec: one of regions. Without it, the primary region.
   */
  region?: string;
  dependsOn: DependsOn;
  rationale: Rationale;
}
/**
 * A container run on a schedule: EventBridge Scheduler starts a Step Functions state machine that runs the task on Fargate (ECS RunTask), stops it at timeoutMinutes and retries a failed run; a dead-letter queue keeps the schedule's undelivered starts, and an alarm fires on a failed run. No service, no load balancer.
 */
export interface ScheduledTaskParams {
  image: string;
  command?: string[];
  /**
   * An EventBridge Scheduler expression: cron(minutes hours day-of-month month day-of-week year) or rate(value unit).
   */
  schedule: string;
  timezone?: string;
  cpu: 0.25 | 0.5 | 1 | 2 | 4;
  memoryMb: number;
  cpuArchitecture?: "X86_64" | "ARM64";
  /**
   * The Secrets Manager secret the task execution role reads to pull the image from a private registry.
   */
  repositoryCredentialsArn?: string;
  /**
   * A run still going after this long is stopped and counts as failed.
   */
  timeoutMinutes: number;
  /**
   * Further attempts after a failed run (0 to 5), with exponential backoff.
   */
  retries: number;
  logRetentionDays?: number;
  /**
   * Runs a month (for the cost estimate).
   */
  runsPerMonth?: number;
  /**
   * Average run time (for the cost estimate).
   */
  avgDurationMinutes?: number;
}
export interface StreamComponent {
  id: ComponentId;
  kind: "stream";
  params: StreamParams;
  /**
   * Where the component runs, in a two-region PlanSpec: one of regions. Without it, the primary region.
   */
  region?: string;
  dependsOn: DependsOn;
  rationale: Rationale;
}
/**
 * A Kinesis data stream (on-demand, or provisioned shards) or an MSK Serverless (Kafka) cluster; a Kinesis stream may be delivered to a bucket by Firehose.
 */
export interface StreamParams {
  engine: "kinesis" | "kafka";
  /**
   * Kinesis capacity mode (default on-demand).
   */
  mode?: "on-demand" | "provisioned";
  /**
   * Kinesis provisioned shards.
   */
  shards?: number;
  /**
   * Kinesis: 24 to 8760. MSK Serverless keeps 24 to 8760 hours per topic; the consumer sets it when it creates a topic.
   */
  retentionHours: number;
  delivery?: StreamDelivery;
  /**
   * Kafka partitions (for the cost estimate).
   */
  partitions?: number;
  /**
   * Data written a month, in GB (for the cost estimate).
   */
  monthlyGbIn?: number;
  /**
   * Data read a month, in GB (for the cost estimate).
   */
  monthlyGbOut?: number;
}
/**
 * Firehose delivery of the Kinesis stream to an object-storage component.
 */
export interface StreamDelivery {
  /**
   * The id of the object-storage component.
   */
  bucket: string;
  prefix?: string;
  bufferSeconds?: number;
  bufferMb?: number;
}
export interface KubernetesClusterComponent {
  id: ComponentId;
  kind: "kubernetes-cluster";
  params: KubernetesClusterParams;
  /**
   * Where the component runs, in a two-region PlanSpec: one of regions. Without it, the primary region.
   */
  region?: string;
  dependsOn: DependsOn;
  rationale: Rationale;
}
/**
 * An EKS cluster: a private API endpoint (unless publicAccessCidrs), secrets encrypted with the stack key, control-plane logs, IRSA, the core add-ons, managed node groups across the network's AZs, and an IAM role for the AWS Load Balancer Controller.
 */
export interface KubernetesClusterParams {
  kubernetesVersion: string;
  /**
   * EKS upgrade policy: standard (upgraded when standard support ends) or extended (paid).
   */
  supportTier?: "standard" | "extended";
  /**
   * Ranges that may reach the API endpoint over the internet; without it the endpoint is private.
   */
  publicAccessCidrs?: string[];
  logRetentionDays?: number;
  /**
   * @minItems 1
   * @maxItems 10
   */
  nodeGroups: NodeGroup[];
}
export interface NodeGroup {
  name: string;
  /**
   * @minItems 1
   */
  instanceTypes: string[];
  min: number;
  max: number;
  desired: number;
  capacityType?: "ON_DEMAND" | "SPOT";
  diskGb?: number;
}
export interface DomainComponent {
  id: ComponentId;
  kind: "domain";
  params: DomainParams;
  /**
   * Where the component runs, in a two-region PlanSpec: one of regions. Without it, the primary region.
   */
  region?: string;
  dependsOn: DependsOn;
  rationale: Rationale;
}
/**
 * A name in a Route 53 hosted zone: an ACM certificate validated by DNS in each target's region (us-east-1 for a cdn, as CloudFront requires), and an alias record to the target (two targets: failover or latency records with health checks, by multiRegion.mode).
 */
export interface DomainParams {
  name: string;
  hostedZoneId: string;
  /**
   * The load-balancer, cdn or http-api components the name serves: one, or one per region (the primary's first).
   *
   * @minItems 1
   * @maxItems 2
   */
  targets: ComponentId[];
  healthCheckPath?: string;
  /**
   * DNS queries a month, in millions (for the cost estimate).
   */
  monthlyQueriesMillions?: number;
}
export interface OtherComponent {
  id: ComponentId;
  kind: "scheduler" | "secret" | "waf" | "certificate" | "dns";
  params: {};
  dependsOn: DependsOn;
  rationale: Rationale;
  /**
   * Where the component runs, in a two-region PlanSpec: one of regions. Without it, the primary region.
   */
  region?: string;
}
/**
 * How the design meets the traffic: tasks from peak rps, per-task throughput and headroom, with a per-AZ floor for the SLO.
 */
export interface Capacity {
  model:
    | "request-driven"
    | "queue-driven"
    | "cdn"
    | "invocation-driven"
    | "schedule-driven"
    | "stream-driven"
    | "node-driven";
  peakRps: number;
  avgRps?: number;
  perTaskRps?: number;
  /**
   * Spare capacity kept at peak, as a fraction (0.3 = 30 %).
   */
  headroom?: number;
  tasksForPeak?: number;
  azCount?: number;
  minTasksPerAz?: number;
  minTasks?: number;
  maxTasks?: number;
  /**
   * invocation-driven: the average time one request runs in the function, in milliseconds.
   */
  durationMs?: number;
  /**
   * invocation-driven: concurrent executions at peak, peakRps × durationMs / 1000.
   */
  concurrencyAtPeak?: number;
  /**
   * invocation-driven: concurrent executions reserved for the function (its cap), with the headroom.
   */
  reservedConcurrency?: number;
  /**
   * The arithmetic in words.
   */
  explanation: string;
}
export interface Availability {
  /**
   * The SLO in percent.
   */
  target: number;
  /**
   * The designed availability of the request path: the serial composition of its links' designed figures, in percent.
   */
  composite: number;
  /**
   * The serial composition of the request path's SLA figures, in percent: what AWS's service credits stand behind, beside the designed figure.
   */
  sla?: number;
  /**
   * What must be up for a user's request to succeed, in the order the request meets it; for a worker, putting the job on the queue.
   *
   * @minItems 1
   */
  path: AvailabilityLink[];
  backlog?: Backlog;
  explanation?: string;
}
export interface AvailabilityLink {
  component: string;
  /**
   * The designed availability of the link, percent: its SLA figure, or more where the design makes it redundant (one NAT gateway per AZ).
   */
  availability: number;
  /**
   * The AWS SLA figure of one such resource, percent: the Monthly Uptime Percentage below which AWS owes a service credit.
   */
  sla?: number;
  /**
   * The SLA page the figure comes from.
   */
  source: string;
  basis?: string;
}
/**
 * A worker's consumer is off the request path: while it is down, jobs wait in the queue. How long they wait at worst, within the consumer's availability.
 */
export interface Backlog {
  /**
   * What must be up for a queued job to be processed.
   *
   * @minItems 1
   */
  consumer: AvailabilityLink[];
  /**
   * The serial composition of the consumer's designed figures, percent.
   */
  consumerAvailability: number;
  /**
   * The consumer's monthly downtime its availability allows, (1 − availability) × 730 h, taken as one outage.
   */
  outageMinutes: number;
  /**
   * How long the tasks at their autoscaling maximum take to clear the backlog that outage leaves at peak.
   */
  catchUpMinutes: number;
  /**
   * outageMinutes + catchUpMinutes: the longest a job waits in such a month.
   */
  boundMinutes: number;
  /**
   * The processing-latency objective: the goal's slo.processingLatencyMinutes, or, when it sets none, the SLO's monthly error budget, (1 − target) × 730 h (assumed).
   */
  objectiveMinutes: number;
  /**
   * True when the goal sets no slo.processingLatencyMinutes and Atlas took the SLO's error budget.
   */
  objectiveAssumed: boolean;
  /**
   * How long the queue keeps a message; a longer wait would lose jobs.
   */
  retentionMinutes: number;
  explanation?: string;
}
export interface CostEstimate {
  /**
   * An amount in US dollars.
   */
  monthlyUsd: number;
  /**
   * An amount in US dollars.
   */
  monthlyUsdWithoutFreeTier?: number;
  /**
   * An amount in US dollars.
   */
  budgetMonthlyUsd: number;
  /**
   * monthlyUsd / budgetMonthlyUsd.
   */
  ratio: number;
  brakeRatio?: number;
  lines: CostLine[];
  priceSource: string;
  priceDate: string;
  confidence?: "low" | "medium" | "high";
}
export interface CostLine {
  /**
   * The component the line belongs to, or a resource the whole stack shares (encryption: the stack's KMS key).
   */
  component: string;
  /**
   * What the line prices; a component can have several lines (its NAT gateways, their processing, its flow logs).
   */
  item?:
    | "tasks"
    | "load-balancer"
    | "waf"
    | "internet-egress"
    | "nat-gateway"
    | "nat-processing"
    | "flow-logs"
    | "database"
    | "cache"
    | "object-storage"
    | "queue"
    | "logs"
    | "cdn"
    | "cdn-free-tier"
    | "workflow"
    | "workflow-free-tier"
    | "schedule"
    | "schedule-free-tier"
    | "alarms"
    | "kms-key"
    | "container-insights"
    | "control-plane"
    | "nodes"
    | "node-volumes"
    | "dns"
    | "http-api"
    | "function"
    | "function-free-tier"
    | "key-value-store"
    | "vpc-endpoint"
    | "stream"
    | "stream-delivery";
  /**
   * USD per month; negative for an always-free allowance AWS deducts (cdn-free-tier, function-free-tier, workflow-free-tier, schedule-free-tier).
   */
  monthlyUsd: number;
  /**
   * The quantities and unit prices behind the figure.
   */
  basis: string;
}
export interface Alternative {
  /**
   * The question, e.g. database engine flavour.
   */
  decision: string;
  chosen: string;
  rejected: string;
  reason: string;
  /**
   * What the rejected option would add (or save, if negative) per month.
   */
  monthlyUsdDelta?: number;
}
export interface Risk {
  component: string;
  /**
   * What fails.
   */
  failure: string;
  /**
   * What breaks, for whom.
   */
  impact: string;
  /**
   * How the design limits it.
   */
  mitigation: string;
  /**
   * What is left.
   */
  residual: string;
  severity?: "high" | "medium" | "low";
}
export interface Saving {
  suggestion: string;
  /**
   * An amount in US dollars.
   */
  yearlyUsd: number;
  basis: string;
}
export interface Assumption {
  /**
   * The goal field it stands in for, or the design figure, as a dotted path.
   */
  field: string;
  /**
   * The value Atlas used, with its unit.
   */
  value: string;
  why: string;
}
export interface Diagram {
  /**
   * A Mermaid flowchart of the components, AZ placement and data flows.
   */
  mermaid: string;
}
export interface TerraformTarget {
  /**
   * The stack directory, e.g. infra/checkout-api.
   */
  dir: string;
}
