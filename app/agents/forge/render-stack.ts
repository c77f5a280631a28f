/**
 * Forge's renderer: a PlanSpec becomes a Terraform root module under `spec.terraform.dir`. Pure and deterministic:
 * the same PlanSpec and policy always give the same files, in canonical `terraform fmt` style.
 */
import type { PlanSpec } from "../../contracts/generated/index.js";
import type { ResolvedOrgPolicy } from "../../contracts/generated/org-policy.js";
import type { Component } from "../../contracts/generated/plan-spec.js";
import { formatProblem } from "../../contracts/problem.js";
import { checkPlanSpecForRender } from "./check-plan-spec.js";
import { renderCache } from "./components/cache.js";
import { renderCdn } from "./components/cdn.js";
import { renderContainerService } from "./components/container-service.js";
import { renderDatabase } from "./components/database.js";
import { renderDomain } from "./components/domain.js";
import { renderFunction } from "./components/function.js";
import { renderHttpApi } from "./components/http-api.js";
import { renderKeyValueStore } from "./components/key-value-store.js";
import { renderKubernetesCluster } from "./components/kubernetes-cluster.js";
import { renderLoadBalancer } from "./components/load-balancer.js";
import { renderLogGroup } from "./components/log-group.js";
import { renderNetwork } from "./components/network.js";
import { renderObjectStorage } from "./components/object-storage.js";
import { renderQueue } from "./components/queue.js";
import { renderScheduledTask } from "./components/scheduled-task.js";
import { renderStream } from "./components/stream.js";
import { renderOutputsTf, renderVariablesTf } from "./files/interface-tf.js";
import { renderMainTf } from "./files/main-tf.js";
import { renderReadme } from "./files/readme.js";
import { renderBackendTf, renderProvidersTf, renderVersionsTf } from "./files/terraform-settings.js";
import { blank, comment, type Body } from "./hcl/ast.js";
import { printHcl } from "./hcl/print.js";
import type { ModuleInterface } from "./interfaces/interface-data.js";
import { MODULE_LIST } from "./modules/index.js";
import { joinSafePath } from "./names.js";
import { stackContext, type StackContext } from "./stack/context.js";
import { componentRegion, onProvider, stackRegions } from "./stack/regions.js";
import type { RenderedComponent } from "./stack/rendered.js";

export interface RenderOptions {
  readonly policy: ResolvedOrgPolicy;
}

export interface RenderedFile {
  /** Relative to the repository root: `<spec.terraform.dir>/<file>`. */
  readonly path: string;
  readonly content: string;
}

export interface RenderedStack {
  readonly files: readonly RenderedFile[];
}

function renderComponent(c: Component, ctx: StackContext): RenderedComponent {
  switch (c.kind) {
    case "network":
      return renderNetwork(c, ctx);
    case "load-balancer":
      return renderLoadBalancer(c, ctx);
    case "container-service":
      return renderContainerService(c, ctx);
    case "database":
      return renderDatabase(c, ctx);
    case "cache":
      return renderCache(c, ctx);
    case "object-storage":
      return renderObjectStorage(c, ctx);
    case "cdn":
      return renderCdn(c, ctx);
    case "queue":
      return renderQueue(c, ctx);
    case "log-group":
      return renderLogGroup(c, ctx);
    case "function":
      return renderFunction(c, ctx);
    case "http-api":
      return renderHttpApi(c, ctx);
    case "key-value-store":
      return renderKeyValueStore(c, ctx);
    case "domain":
      return renderDomain(c, ctx);
    case "scheduled-task":
      return renderScheduledTask(c, ctx);
    case "kubernetes-cluster":
      return renderKubernetesCluster(c, ctx);
    case "stream":
      return renderStream(c, ctx);
    default:
      throw new Error(`internal: no renderer for ${c.kind}`);
  }
}

/** The pinned modules a file calls, found by their source. */
function modulesIn(body: Body): ModuleInterface[] {
  return body.flatMap((item) => {
    if (item.item !== "block" || item.type !== "module") return [];
    const source = item.body.find((a) => a.item === "attribute" && a.name === "source");
    const text =
      source?.item === "attribute" && source.value.$hcl === "string" ? source.value.value : undefined;
    return MODULE_LIST.filter((m) => m.source === text);
  });
}

function tfFile(ctx: StackContext, body: Body): string {
  return printHcl([
    comment(`Rendered by Infracrew Forge from PlanSpec ${ctx.spec.id}. Change the goal, not this file.`),
    blank,
    ...body,
  ]);
}

/**
 * Renders a PlanSpec to the files of its stack. The PlanSpec must be schema-valid and pass checkPlanSpecForRender
 * (callers check first and show the problems); a PlanSpec that does not is a programming error here.
 */
export function renderStack(spec: PlanSpec, options: RenderOptions): RenderedStack {
  const problems = checkPlanSpecForRender(spec);
  if (problems.length > 0) {
    throw new Error(
      `internal: renderStack was given a PlanSpec it cannot render: ${problems.map(formatProblem).join("; ")}`,
    );
  }
  const ctx = stackContext(spec, options.policy);
  const components = spec.components.map((c) => {
    const here = c.kind === "domain" ? ctx : ctx.inRegion(componentRegion(spec, c));
    const rendered = renderComponent(c, here);
    return {
      c,
      region: here.region,
      rendered: { ...rendered, body: onProvider(rendered.body, here.provider) },
    };
  });
  const variables = components.flatMap(({ rendered }) => rendered.variables ?? []);
  const outputs = components.flatMap(({ rendered }) => rendered.outputs);
  const main = stackRegions(spec).flatMap((region, i) => {
    const here = ctx.inRegion(region);
    const statements = components
      .filter((r) => r.region === region)
      .flatMap(({ rendered }) => rendered.keyStatements ?? []);
    return [...(i > 0 ? [blank] : []), ...onProvider(renderMainTf(here, statements), here.provider)];
  });
  const bodies = [main, ...components.map(({ rendered }) => rendered.body)];
  const modules = [...new Set(bodies.flatMap(modulesIn))];
  const file = (name: string, content: string): RenderedFile => ({
    path: joinSafePath(spec.terraform.dir, name),
    content,
  });
  const files = [
    file("versions.tf", tfFile(ctx, renderVersionsTf(ctx, modules))),
    file("providers.tf", tfFile(ctx, renderProvidersTf(ctx))),
    file("backend.tf", tfFile(ctx, renderBackendTf(ctx))),
    file("main.tf", tfFile(ctx, main)),
    ...components.map(({ c, rendered }) => file(`${c.id}.tf`, tfFile(ctx, rendered.body))),
    file("variables.tf", tfFile(ctx, renderVariablesTf(variables))),
    file("outputs.tf", tfFile(ctx, renderOutputsTf(outputs))),
    file("planspec.json", `${JSON.stringify(spec, null, 2)}\n`),
    file("README.md", renderReadme(ctx, variables, outputs)),
  ];
  return { files: files.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}
