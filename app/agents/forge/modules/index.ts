/**
 * The pinned terraform-aws-modules Forge builds on, with each one's vendored interface (regenerate a file with
 * scripts/vendor-module-interfaces.ts; see README.md here). The version a module block pins comes from here.
 */
import type { ModuleInterface } from "../interfaces/interface-data.js";
import acm from "./acm.json" with { type: "json" };
import alb from "./alb.json" with { type: "json" };
import apigatewayV2 from "./apigateway-v2.json" with { type: "json" };
import autoscaling from "./autoscaling.json" with { type: "json" };
import cloudfront from "./cloudfront.json" with { type: "json" };
import cloudwatchLogGroup from "./cloudwatch-log-group.json" with { type: "json" };
import cloudwatchLogStream from "./cloudwatch-log-stream.json" with { type: "json" };
import cloudwatchMetricAlarm from "./cloudwatch-metric-alarm.json" with { type: "json" };
import dynamodbTable from "./dynamodb-table.json" with { type: "json" };
import ecsCluster from "./ecs-cluster.json" with { type: "json" };
import ecsService from "./ecs-service.json" with { type: "json" };
import eks from "./eks.json" with { type: "json" };
import elasticache from "./elasticache.json" with { type: "json" };
import iamRole from "./iam-role.json" with { type: "json" };
import iamRoleForServiceAccounts from "./iam-role-for-service-accounts.json" with { type: "json" };
import kms from "./kms.json" with { type: "json" };
import lambda from "./lambda.json" with { type: "json" };
import mskServerless from "./msk-serverless.json" with { type: "json" };
import rds from "./rds.json" with { type: "json" };
import rdsAurora from "./rds-aurora.json" with { type: "json" };
import s3Bucket from "./s3-bucket.json" with { type: "json" };
import securityGroup from "./security-group.json" with { type: "json" };
import sns from "./sns.json" with { type: "json" };
import sqs from "./sqs.json" with { type: "json" };
import stepFunctions from "./step-functions.json" with { type: "json" };
import vpc from "./vpc.json" with { type: "json" };

export const MODULES = {
  acm,
  alb,
  apigatewayV2,
  autoscaling,
  cloudfront,
  cloudwatchLogGroup,
  cloudwatchLogStream,
  cloudwatchMetricAlarm,
  dynamodbTable,
  ecsCluster,
  ecsService,
  eks,
  elasticache,
  iamRole,
  iamRoleForServiceAccounts,
  kms,
  lambda,
  mskServerless,
  rds,
  rdsAurora,
  s3Bucket,
  securityGroup,
  sns,
  sqs,
  stepFunctions,
  vpc,
} as const satisfies Record<string, ModuleInterface>;

export const MODULE_LIST: readonly ModuleInterface[] = Object.values(MODULES);
