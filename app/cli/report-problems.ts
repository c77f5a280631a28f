import { formatProblem, type Problem } from "../contracts/problem.js";
import type { Output } from "./io.js";

/** Writes one line per problem, prefixed with the file it is in, as compilers do. */
export function reportProblems(out: Output, file: string, problems: readonly Problem[]): void {
  for (const problem of problems) out.write(`${file}: ${formatProblem(problem)}\n`);
}
