/** Blocks for a call of a pinned module and for the scanner exceptions written above it. */
import type { ScannerException } from "./catalog/scanner-exceptions.js";
import { attr, blank, block, comment, directive, type Body, type BodyItem } from "./hcl/ast.js";
import type { ModuleInterface } from "./interfaces/interface-data.js";

/** `module "<label>" { source, version, …inputs }`, with the source and version from the vendored interface. */
export function moduleCall(
  label: string,
  module: ModuleInterface,
  inputs: Body,
  exceptions: readonly ScannerException[] = [],
): Body {
  const checkov = exceptions
    .filter((e) => e.checkov)
    .map((e) => directive(`checkov:skip=${e.checkov}:${e.reason}`));
  return [
    ...exceptionComments(exceptions),
    block(
      "module",
      [label],
      [...checkov, attr("source", module.source), attr("version", module.version), blank, ...inputs],
    ),
  ];
}

/**
 * The comments Trivy and tfsec read above a block (and, for a module, apply to every resource in it), each
 * preceded by the reason, so the exception explains itself.
 */
export function exceptionComments(exceptions: readonly ScannerException[]): BodyItem[] {
  return exceptions.flatMap((e) => [
    ...(e.trivy || e.tfsec ? [comment(e.reason)] : []),
    ...(e.trivy ? [directive(`trivy:ignore:${e.trivy}`)] : []),
    ...(e.tfsec ? [directive(`tfsec:ignore:${e.tfsec}`)] : []),
  ]);
}
