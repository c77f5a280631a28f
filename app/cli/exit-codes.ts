/** The exit codes every infracrew command shares. */
export const EXIT = {
  ok: 0,
  /** Sentinel's verdict was FAIL. */
  fail: 1,
  /** The input was bad; the messages say why. */
  badInput: 2,
  /** Atlas could not design within the constraints (DesignBlocked). */
  blocked: 3,
  /** An internal error: a bug or an environment problem, not the user's input. */
  internal: 70,
} as const;
