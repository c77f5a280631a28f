import type { Body, Expr, Value } from "../hcl/ast.js";

/** A Terraform output a component contributes to outputs.tf. */
export interface OutputSpec {
  readonly name: string;
  readonly description: string;
  readonly value: Expr;
}

/** An input variable a component needs, for variables.tf. */
export interface VariableSpec {
  readonly name: string;
  readonly description: string;
  /** A type constraint Forge writes itself, e.g. `string`. */
  readonly type: string;
  readonly validation?: { readonly condition: Expr; readonly message: string };
}

/** What a component renders to: its own file, plus what it adds to the stack's shared files. */
export interface RenderedComponent {
  readonly body: Body;
  readonly outputs: readonly OutputSpec[];
  readonly variables?: readonly VariableSpec[];
  /** Statements the stack's KMS key policy needs for this component (e.g. CloudFront reading an encrypted bucket). */
  readonly keyStatements?: readonly Value[];
}
