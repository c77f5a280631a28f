/**
 * The raw provider resources and data sources Forge writes where no registry module fits, with each one's
 * documented arguments (regenerate a file with scripts/vendor-resource-interfaces.ts; see README.md here).
 */
import type { ResourceInterface } from "../interfaces/interface-data.js";
import vpcEndpoint from "./aws-vpc-endpoint.json" with { type: "json" };
import wafv2WebAcl from "./aws-wafv2-web-acl.json" with { type: "json" };
import availabilityZones from "./data-aws-availability-zones.json" with { type: "json" };
import callerIdentity from "./data-aws-caller-identity.json" with { type: "json" };
import partition from "./data-aws-partition.json" with { type: "json" };

export const RESOURCES = {
  availabilityZones: availabilityZones as ResourceInterface,
  callerIdentity: callerIdentity as ResourceInterface,
  partition: partition as ResourceInterface,
  vpcEndpoint: vpcEndpoint as ResourceInterface,
  wafv2WebAcl: wafv2WebAcl as ResourceInterface,
} as const;

export const RESOURCE_LIST: readonly ResourceInterface[] = Object.values(RESOURCES);
