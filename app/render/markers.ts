/** Hidden HTML-comment markers: how the app finds its own comments and reads facts back from bodies. */
export const MARKERS = {
  /** The sticky comment on a goal's pull request: a view of the state in the store, never read back. */
  sticky: "<!-- infracrew:sticky -->",
  /** The one comment on a goal issue: feedback on the goal, a DesignBlocked, or the link to its PR. */
  goal: "<!-- infracrew:goal -->",
} as const;

export function hiddenValue(key: string, value: string): string {
  return `<!-- infracrew:${key} ${value} -->`;
}

export function readHiddenValue(body: string, key: string): string | undefined {
  const match = new RegExp(`<!-- infracrew:${key} ([^\\s]+) -->`).exec(body);
  return match?.[1];
}
