import { artifactId } from "../contracts/canonical.js";
import type { OpsEvent } from "../contracts/generated/index.js";
import { validateArtifact } from "../contracts/validator.js";
import type { Effect } from "../conductor/effects.js";
import type { PrState } from "../conductor/pr-state.js";
import type { PrKey } from "../store/store.js";
import type { ConductorDeps } from "./deps.js";

/** The OpsEvent artifact of an `ops-event` effect, checked against its schema. */
export function opsEventOf(
  _deps: ConductorDeps,
  key: PrKey,
  state: PrState,
  effect: Extract<Effect, { type: "ops-event" }>,
  createdAt: string,
): OpsEvent {
  const body = {
    type: effect.event,
    severity: effect.severity,
    repo: key.repo,
    pr: key.pr,
    stack: state.stack,
    message: effect.message,
    details: effect.details,
  };
  const event: OpsEvent = {
    schemaVersion: "0.1",
    kind: "OpsEvent",
    id: artifactId(`ops-${state.stack}`, { ...body, createdAt }),
    createdAt,
    goalRef: {
      name: state.stack,
      hash: state.goal.hash,
      issue: { repo: key.repo, number: state.goal.issue },
    },
    ...body,
  };
  const checked = validateArtifact("OpsEvent", event);
  if (!checked.ok)
    throw new Error(`internal: OpsEvent does not validate: ${JSON.stringify(checked.problems)}`);
  return event;
}
