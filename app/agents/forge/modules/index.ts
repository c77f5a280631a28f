/**
 * The pinned terraform-aws-modules Forge builds on, with each one's vendored interface (regenerate a file with
 * scripts/vendor-module-interfaces.ts; see README.md here). The version a module block pins comes from here.
 */
import type { ModuleInterface } from "../interfaces/interface-data.js";
import alb from "./alb.json" with { type: "json" };
import cloudfront from "./cloudfront.json" with { type: "json" };
import cloudwatchLogGroup from "./cloudwatch-log-group.json" with { type: "json" };
import ecsCluster from "./ecs-cluster.json" with { type: "json" };
import ecsService from "./ecs-service.json" with { type: "json" };
import elasticache from "./elasticache.json" with { type: "json" };
import kms from "./kms.json" with { type: "json" };
import rdsAurora from "./rds-aurora.json" with { type: "json" };
import rds from "./rds.json" with { type: "json" };
import s3Bucket from "./s3-bucket.json" with { type: "json" };
import securityGroup from "./security-group.json" with { type: "json" };
import sqs from "./sqs.json" with { type: "json" };
import vpc from "./vpc.json" with { type: "json" };

export const MODULES = {
  alb,
  cloudfront,
  cloudwatchLogGroup,
  ecsCluster,
  ecsService,
  elasticache,
  kms,
  rds,
  rdsAurora,
  s3Bucket,
  securityGroup,
  sqs,
  vpc,
} as const satisfies Record<string, ModuleInterface>;

export const MODULE_LIST: readonly ModuleInterface[] = Object.values(MODULES);
