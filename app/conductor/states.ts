/** The Conductor's states (DESIGN §4). A pull request carries exactly one `infracrew:<state>` label. */
export const STATES = [
  "PENDING",
  "IN_PROGRESS",
  "VALIDATING",
  "BLOCKED",
  "READY_FOR_APPLY",
  "WAIT_FOR_APPROVE",
  "APPLYING",
  "ROLLBACK",
  "DONE",
] as const;

export type State = (typeof STATES)[number];

export const LABEL_PREFIX = "infracrew:";

/** `WAIT_FOR_APPROVE` → `infracrew:wait-for-approve`. */
export function labelFor(state: State): string {
  return LABEL_PREFIX + state.toLowerCase().replace(/_/g, "-");
}

export const STATE_LABELS: readonly string[] = STATES.map(labelFor);

/** The state a set of labels says, if exactly one Infracrew state label is present. */
export function stateFromLabels(labels: readonly string[]): State | undefined {
  const found = STATES.filter((s) => labels.includes(labelFor(s)));
  return found.length === 1 ? found[0] : undefined;
}

/** The labels to set: the others kept, every state label but the current one removed. */
export function withStateLabel(labels: readonly string[], state: State): string[] {
  return [...labels.filter((l) => !l.startsWith(LABEL_PREFIX)), labelFor(state)];
}

export const LABEL_COLORS: Record<State, string> = {
  PENDING: "ededed",
  IN_PROGRESS: "c5def5",
  VALIDATING: "fbca04",
  BLOCKED: "b60205",
  READY_FOR_APPLY: "0e8a16",
  WAIT_FOR_APPROVE: "1d76db",
  APPLYING: "5319e7",
  ROLLBACK: "d93f0b",
  DONE: "0e8a16",
};
