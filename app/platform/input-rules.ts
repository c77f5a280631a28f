import { GITHUB_LIMITS } from "../contracts/limits.js";
import { PlatformInputError } from "./platform-input-error.js";

/** Refuses a comment body GitHub would answer with 422 "Body is too long" (renderers cut before this). */
export function checkCommentBody(method: string, body: string): void {
  if (body.length > GITHUB_LIMITS.commentBody) {
    throw new PlatformInputError(
      method,
      `the comment has ${body.length} characters; GitHub takes at most ${GITHUB_LIMITS.commentBody}`,
    );
  }
}

/** ensureComment finds its comment again by the marker, so the body must carry it. */
export function checkMarkedBody(body: string, marker: string): void {
  if (marker.length === 0) throw new PlatformInputError("ensureComment", "the marker is empty");
  if (!body.includes(marker)) {
    throw new PlatformInputError(
      "ensureComment",
      `the body does not contain its marker ${JSON.stringify(marker)}`,
    );
  }
  checkCommentBody("ensureComment", body);
}

export function checkDispatchInputs(inputs: Readonly<Record<string, string>>): void {
  const count = Object.keys(inputs).length;
  if (count > GITHUB_LIMITS.workflowDispatchInputs) {
    throw new PlatformInputError(
      "dispatchWorkflow",
      `${count} inputs; GitHub takes at most ${GITHUB_LIMITS.workflowDispatchInputs}`,
    );
  }
}
