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
   * The deployment environment.
   */
  environment: "dev" | "staging" | "prod";
  /**
   * The catalog pattern the design is built from.
   */
  pattern: "web-api" | "static-site" | "worker";
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
}
export interface LoadBalancerComponent {
  id: ComponentId;
  kind: "load-balancer";
  params: LoadBalancerParams;
  dependsOn: DependsOn;
  rationale: Rationale;
}
export interface LoadBalancerParams {
  scheme: "internet-facing" | "internal";
  targetPort: number;
  healthCheckPath: string;
  idleTimeoutSeconds?: number;
  deletionProtection?: boolean;
  waf?: boolean;
}
export interface ContainerServiceComponent {
  id: ComponentId;
  kind: "container-service";
  params: ContainerServiceParams;
  dependsOn: DependsOn;
  rationale: Rationale;
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
}
export interface ScalingPolicy {
  metric: "cpu" | "requests-per-target" | "queue-depth";
  /**
   * The target-tracking value: for cpu, average CPU percent; for requests-per-target, ALB requests per task per minute (ALBRequestCountPerTarget); for queue-depth, visible messages per running task (backlog per task).
   */
  target: number;
}
export interface DatabaseComponent {
  id: ComponentId;
  kind: "database";
  params: DatabaseParams;
  dependsOn: DependsOn;
  rationale: Rationale;
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
}
export interface CacheComponent {
  id: ComponentId;
  kind: "cache";
  params: CacheParams;
  dependsOn: DependsOn;
  rationale: Rationale;
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
export interface OtherComponent {
  id: ComponentId;
  kind: "function" | "scheduler" | "secret" | "waf" | "certificate" | "dns";
  params: {};
  dependsOn: DependsOn;
  rationale: Rationale;
}
/**
 * How the design meets the traffic: tasks from peak rps, per-task throughput and headroom, with a per-AZ floor for the SLO.
 */
export interface Capacity {
  model: "request-driven" | "queue-driven" | "cdn";
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
   * The serial composition of the path, in percent.
   */
  composite: number;
  /**
   * @minItems 1
   */
  path: AvailabilityLink[];
  explanation?: string;
}
export interface AvailabilityLink {
  component: string;
  /**
   * Percent.
   */
  availability: number;
  /**
   * The SLA page the figure comes from.
   */
  source: string;
  basis?: string;
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
    | "kms-key"
    | "container-insights";
  /**
   * USD per month; negative for an always-free allowance AWS deducts (cdn-free-tier).
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
