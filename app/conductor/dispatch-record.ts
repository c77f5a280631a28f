import type { DispatchRecord } from "./run-trust.js";

export type { DispatchRecord } from "./run-trust.js";

/** The saved plan Sentinel passed: the plan run, its plan artifact and the sha256 of the plaintext plan. */
export type SavedPlanRef = NonNullable<DispatchRecord["plan"]>;

/** The gate's answer for one run attempt of a dispatch (custom deployment protection rule, or the OIDC gate). */
export type GateAnswer = NonNullable<DispatchRecord["gate"]>;
