import { designGoal } from "./agents/atlas/index.js";
import { renderStack } from "./agents/forge/index.js";
import type { Crew } from "./conductor/crew.js";

/** The real crew: Atlas designs, Forge renders. */
export const CREW: Crew = {
  design: (goal, policy, options) => designGoal(goal, policy, options),
  render: (spec, policy) => renderStack(spec, { policy }),
};
