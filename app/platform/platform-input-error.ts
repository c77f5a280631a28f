/**
 * The caller broke the Platform contract: text over GitHub's limits, a malformed name, an impossible combination.
 * A bug in Infracrew, not something a user can act on, so it is thrown.
 */
export class PlatformInputError extends Error {
  override readonly name = "PlatformInputError";

  constructor(
    readonly method: string,
    detail: string,
  ) {
    super(`${method}: ${detail}`);
  }
}
