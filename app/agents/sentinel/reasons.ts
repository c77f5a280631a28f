/**
 * Lists the first `max` items and says how many more there are: `a, b and 3 more`. Items that are phrases
 * with commas of their own are better separated by `"; "`.
 */
export function listSome(items: readonly string[], max = 5, separator = ", "): string {
  if (items.length <= max) return items.join(separator);
  return `${items.slice(0, max).join(separator)}${separator === ", " ? " " : separator}and ${items.length - max} more`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** One full stop at the end, however the words quoted inside it ended (a tool's message often ends with one). */
function sentence(text: string): string {
  return text.replace(/\.{2,}$/, ".");
}

/** The reasons for a verdict: those that fail it, and those that say what passed. */
export class Reasons {
  readonly failing: string[] = [];
  readonly passing: string[] = [];

  fail(reason: string): void {
    this.failing.push(sentence(reason));
  }

  pass(reason: string): void {
    this.passing.push(sentence(reason));
  }

  /** Failing reasons first; every reason, so a PASS says what it rests on too. */
  all(): string[] {
    return [...this.failing, ...this.passing];
  }
}
