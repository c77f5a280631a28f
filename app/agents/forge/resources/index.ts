/**
 * The raw provider resources and data sources Forge writes where no registry module fits, with each one's
 * documented arguments (regenerate a file with scripts/vendor-resource-interfaces.ts; see README.md here).
 */
import type { ResourceInterface } from "../interfaces/interface-data.js";
import firehoseDeliveryStream from "./aws-kinesis-firehose-delivery-stream.json" with { type: "json" };
import kinesisStream from "./aws-kinesis-stream.json" with { type: "json" };
import rdsGlobalCluster from "./aws-rds-global-cluster.json" with { type: "json" };
import route53HealthCheck from "./aws-route53-health-check.json" with { type: "json" };
import route53Record from "./aws-route53-record.json" with { type: "json" };
import schedulerSchedule from "./aws-scheduler-schedule.json" with { type: "json" };
import secret from "./aws-secretsmanager-secret.json" with { type: "json" };
import secretVersion from "./aws-secretsmanager-secret-version.json" with { type: "json" };
import vpcEndpoint from "./aws-vpc-endpoint.json" with { type: "json" };
import wafv2WebAcl from "./aws-wafv2-web-acl.json" with { type: "json" };
import availabilityZones from "./data-aws-availability-zones.json" with { type: "json" };
import callerIdentity from "./data-aws-caller-identity.json" with { type: "json" };
import mskBootstrapBrokers from "./data-aws-msk-bootstrap-brokers.json" with { type: "json" };
import partition from "./data-aws-partition.json" with { type: "json" };
import ssmParameter from "./data-aws-ssm-parameter.json" with { type: "json" };
import randomPassword from "./ephemeral-aws-secretsmanager-random-password.json" with { type: "json" };

export const RESOURCES = {
  availabilityZones: availabilityZones as ResourceInterface,
  callerIdentity: callerIdentity as ResourceInterface,
  firehoseDeliveryStream: firehoseDeliveryStream as ResourceInterface,
  kinesisStream: kinesisStream as ResourceInterface,
  mskBootstrapBrokers: mskBootstrapBrokers as ResourceInterface,
  partition: partition as ResourceInterface,
  randomPassword: randomPassword as ResourceInterface,
  rdsGlobalCluster: rdsGlobalCluster as ResourceInterface,
  route53HealthCheck: route53HealthCheck as ResourceInterface,
  route53Record: route53Record as ResourceInterface,
  schedulerSchedule: schedulerSchedule as ResourceInterface,
  secret: secret as ResourceInterface,
  secretVersion: secretVersion as ResourceInterface,
  ssmParameter: ssmParameter as ResourceInterface,
  vpcEndpoint: vpcEndpoint as ResourceInterface,
  wafv2WebAcl: wafv2WebAcl as ResourceInterface,
} as const;

export const RESOURCE_LIST: readonly ResourceInterface[] = Object.values(RESOURCES);
