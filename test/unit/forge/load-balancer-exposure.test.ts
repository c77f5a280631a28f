import { describe, expect, it } from "vitest";
import { FORGE_STACKS, parseStack, renderFixture } from "../../support/forge-stacks.js";

interface Ingress {
  readonly cidr_ipv4: string;
  readonly from_port: number;
}

/** The load balancer module call of a stack, as HashiCorp's HCL parser reads it. */
async function loadBalancer(name: string): Promise<Record<string, unknown>> {
  const stack = FORGE_STACKS.find((s) => s.name === name)!;
  const parsed = await parseStack(renderFixture(stack));
  const file = parsed.find((p) => p.file.endsWith("load-balancer.tf"))!;
  const modules = file.body.module as Record<string, Record<string, unknown>[]>;
  return modules.load_balancer![0]!;
}

function sources(lb: Record<string, unknown>): string[] {
  const rules = Object.values(lb.security_group_ingress_rules as Record<string, Ingress>);
  return [...new Set(rules.map((r) => r.cidr_ipv4))];
}

describe("the load balancer Forge renders for each exposure", () => {
  it.each([
    {
      stack: "admin-console (Atlas)",
      internal: true,
      subnets: "${module.network.private_subnets}",
      from: ["${module.network.vpc_cidr_block}", "10.200.0.0/16", "192.168.50.0/24"],
    },
    {
      stack: "checkout-api (Atlas)",
      internal: false,
      subnets: "${module.network.public_subnets}",
      from: ["0.0.0.0/0"],
    },
  ])(
    "$stack: internal $internal, in $subnets, reached from $from",
    async ({ stack, internal, subnets, from }) => {
      const lb = await loadBalancer(stack);
      expect(lb.internal).toBe(internal);
      expect(lb.subnets).toBe(subnets);
      expect(sources(lb).sort()).toEqual([...from].sort());
    },
  );
});
