import type { CheckRunAnnotation } from "../../app/platform/platform.js";

/** `count` check run annotations on consecutive lines of one file. */
export function annotations(
  count: number,
  level: CheckRunAnnotation["annotation_level"] = "warning",
): CheckRunAnnotation[] {
  return Array.from({ length: count }, (_, i) => ({
    path: "infra/app/main.tf",
    start_line: i + 1,
    end_line: i + 1,
    annotation_level: level,
    message: `finding ${i + 1}`,
  }));
}
