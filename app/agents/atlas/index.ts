export { designGoal, type DesignOptions, type DesignOutcome } from "./design-goal.js";
export { SLAS, type Sla } from "./sla.js";
