/**
 * Code a stack would run on the runner: a provisioner (`local-exec`, `remote-exec`, `file`) runs at apply with the
 * apply role, and `data "external"` runs a program at plan, where the plan role and the plan key are. A pull request
 * that adds one would execute whatever it likes once approved, past every scanner; Forge never writes one. The
 * pinned terraform-aws-modules Forge builds on are trusted at their pinned version (the Lambda module keeps a
 * packaging step that Forge turns off); any other module is read like the root module.
 */
import { MODULES } from "../../forge/modules/index.js";
import type { SourceLocation } from "../resources.js";

export interface CodeRun {
  /** The resource or data source, with its module path. */
  readonly address: string;
  /** What runs: `provisioner "local-exec"`, `data "external"`, or a module whose code cannot be read. */
  readonly what: string;
  readonly location?: SourceLocation;
}

const PINNED = new Set(Object.values(MODULES).map((m) => `${m.source}@${m.version}`));

/** A module call Forge writes: one of its pinned sources, at exactly the pinned version. */
export function isPinnedModule(source: unknown, version: unknown): boolean {
  return (
    typeof source === "string" && typeof version === "string" && PINNED.has(`${source}@${version.trim()}`)
  );
}

/** The provisioner types in a resource's `provisioner` blocks, as HCL or a plan's configuration gives them. */
export function provisionerTypes(blocks: unknown): string[] {
  const list = Array.isArray(blocks) ? blocks : blocks && typeof blocks === "object" ? [blocks] : [];
  return list.flatMap((block) => {
    if (!block || typeof block !== "object") return [];
    const typed = (block as { type?: unknown }).type;
    return typeof typed === "string" ? [typed] : Object.keys(block);
  });
}
