/** Input size limits, defined once. */
export const LIMITS = {
  /** A goal, from any source. */
  goalBytes: 256 * 1024,
  /** Any artifact or config file read by the CLI or the app. */
  artifactBytes: 5 * 1024 * 1024,
  /**
   * .github/infracrew.yml (the org policy and the app's settings), counted in bytes before it is parsed: the
   * template with every key set is some 4 KiB, so 64 KiB leaves room for long lists and stops a file built to
   * make the shared event loop parse for seconds.
   */
  configBytes: 64 * 1024,
  /** A workflow artifact's zip downloaded by the app: the archive, and the sum of its unpacked files. */
  artifactArchiveBytes: 20 * 1024 * 1024,
} as const;

/** GitHub's limits (REST API: issue comments, check runs). */
export const GITHUB_LIMITS = {
  /** An issue or pull request comment body; longer is refused with 422 "Body is too long". */
  commentBody: 65_536,
  /** A check run's `output.summary`. */
  checkRunSummary: 65_535,
  /** A check run's `output.text`. */
  checkRunText: 65_535,
  /** Annotations in one create or update request; more go in further updates, which append. */
  annotationsPerRequest: 50,
  /** An annotation's `title`. */
  annotationTitle: 255,
  /** An annotation's `message` and `raw_details` are at most 64 KB: as characters of up to 4 bytes each. */
  annotationMessage: 16_384,
  /** A step's job summary is at most 1 MiB: as characters of up to 4 bytes each. */
  jobSummary: 262_144,
  /** `actions` buttons on a check run, and their label, description and identifier. */
  checkRunActions: 3,
  checkRunActionLabel: 20,
  checkRunActionDescription: 40,
  checkRunActionIdentifier: 20,
  /** Inputs of one workflow_dispatch. */
  workflowDispatchInputs: 25,
} as const;

/** Slack's Block Kit limits. */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  /** A section block's `text`. */
  sectionText: 3_000,
  /** A section block's `fields`: how many, and each one's text. */
  sectionFields: 10,
  fieldText: 2_000,
  /** A header block's plain text. */
  headerText: 150,
  /** Elements in a context block. */
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2_000,
  actionId: 255,
  /** A context block element's text. */
  contextText: 2_000,
  /** A message's top-level `text` (the notification fallback). */
  messageText: 40_000,
  /** What Infracrew puts in that fallback: Slack shows notifications of about this much. */
  fallbackText: 4_000,
} as const;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
