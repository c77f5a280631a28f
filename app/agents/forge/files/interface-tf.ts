/** variables.tf and outputs.tf, from what the components declare, sorted by name. */
import { attr, blank, block, comment, ref, type Body } from "../hcl/ast.js";
import type { OutputSpec, VariableSpec } from "../stack/rendered.js";

const byName = <T extends { name: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => (a.name < b.name ? -1 : 1));

export function renderVariablesTf(variables: readonly VariableSpec[]): Body {
  if (variables.length === 0) return [comment("This stack takes no input variables.")];
  return byName(variables).flatMap((v, i) => [
    ...(i > 0 ? [blank] : []),
    block(
      "variable",
      [v.name],
      [
        attr("description", v.description),
        attr("type", ref(v.type)),
        ...(v.validation
          ? [
              blank,
              block(
                "validation",
                [],
                [attr("condition", v.validation.condition), attr("error_message", v.validation.message)],
              ),
            ]
          : []),
      ],
    ),
  ]);
}

export function renderOutputsTf(outputs: readonly OutputSpec[]): Body {
  return byName(outputs).flatMap((o, i) => [
    ...(i > 0 ? [blank] : []),
    block("output", [o.name], [attr("description", o.description), attr("value", o.value)]),
  ]);
}
