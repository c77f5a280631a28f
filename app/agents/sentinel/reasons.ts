/** Lists the first `max` items and says how many more there are: `a, b and 3 more`. */
export function listSome(items: readonly string[], max = 5): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The reasons for a verdict: those that fail it, and those that say what passed. */
export class Reasons {
  readonly failing: string[] = [];
  readonly passing: string[] = [];

  fail(reason: string): void {
    this.failing.push(reason);
  }

  pass(reason: string): void {
    this.passing.push(reason);
  }

  /** Failing reasons first; every reason, so a PASS says what it rests on too. */
  all(): string[] {
    return [...this.failing, ...this.passing];
  }
}
