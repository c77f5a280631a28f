import { GITHUB_LIMITS } from "../contracts/limits.js";
import type { CheckRunAction, CheckRunAnnotation, CheckRunInput } from "./platform.js";
import { PlatformInputError } from "./platform-input-error.js";

/** A check run made ready for GitHub: buttons within GitHub's limits and annotations in request-sized batches. */
export interface PreparedCheckRun {
  readonly actions: readonly CheckRunAction[];
  /** The first batch goes with the create or update; each further one is one more update. Empty when none. */
  readonly annotationBatches: readonly (readonly CheckRunAnnotation[])[];
}

const METHOD = "upsertCheckRun";

/**
 * Checks a check run against GitHub's rules, shared by every Platform so that the fake refuses what GitHub refuses.
 * Button labels and descriptions are display text and are shortened; an over-long summary or text, an identifier
 * over 20 characters, more than 3 buttons or a status that contradicts the conclusion are bugs and throw.
 */
export function prepareCheckRun(input: CheckRunInput): PreparedCheckRun {
  checkText("summary", input.summary);
  if (input.text !== undefined) checkText("text", input.text);
  if (input.status === "completed" && input.conclusion === undefined) {
    throw new PlatformInputError(METHOD, `check run "${input.name}" is completed but has no conclusion`);
  }
  if (input.status !== "completed" && input.conclusion !== undefined) {
    throw new PlatformInputError(METHOD, `check run "${input.name}" has a conclusion but is ${input.status}`);
  }
  return {
    actions: prepareActions(input.actions ?? []),
    annotationBatches: batches(input.annotations ?? []),
  };
}

function checkText(field: string, value: string): void {
  if (value.length > GITHUB_LIMITS.checkRunSummary) {
    throw new PlatformInputError(
      METHOD,
      `output.${field} has ${value.length} characters; GitHub takes at most ${GITHUB_LIMITS.checkRunSummary} (cut it when rendering)`,
    );
  }
}

function prepareActions(actions: readonly CheckRunAction[]): CheckRunAction[] {
  if (actions.length > GITHUB_LIMITS.checkRunActions) {
    throw new PlatformInputError(
      METHOD,
      `${actions.length} actions; GitHub takes at most ${GITHUB_LIMITS.checkRunActions}`,
    );
  }
  return actions.map((action) => {
    if (action.identifier.length === 0 || action.identifier.length > GITHUB_LIMITS.checkRunActionIdentifier) {
      throw new PlatformInputError(
        METHOD,
        `action identifier "${action.identifier}" must have 1 to ${GITHUB_LIMITS.checkRunActionIdentifier} characters`,
      );
    }
    return {
      label: shorten(action.label, GITHUB_LIMITS.checkRunActionLabel),
      description: shorten(action.description, GITHUB_LIMITS.checkRunActionDescription),
      identifier: action.identifier,
    };
  });
}

/** Cuts display text to `max` characters, ending with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function batches(annotations: readonly CheckRunAnnotation[]): CheckRunAnnotation[][] {
  const size = GITHUB_LIMITS.annotationsPerRequest;
  const out: CheckRunAnnotation[][] = [];
  for (let i = 0; i < annotations.length; i += size) out.push(annotations.slice(i, i + size));
  return out;
}
