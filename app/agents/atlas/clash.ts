import type { BlockReason, UnblockSuggestion } from "../../contracts/generated/design-blocked.js";

/** Why the goal cannot be designed as asked, and the single changes that unblock it. */
export interface Clash {
  readonly reason: BlockReason;
  readonly suggestions: readonly UnblockSuggestion[];
}
