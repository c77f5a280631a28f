/** Input size limits, defined once. */
export const LIMITS = {
  /** A goal, from any source. */
  goalBytes: 256 * 1024,
  /** Any artifact or config file read by the CLI or the app. */
  artifactBytes: 5 * 1024 * 1024,
  /** A workflow artifact's zip downloaded by the app: the archive, and the sum of its unpacked files. */
  artifactArchiveBytes: 20 * 1024 * 1024,
} as const;

/** What GitHub's REST API accepts. Renderers cut text to these; the platform adapters refuse anything longer. */
export const GITHUB_LIMITS = {
  /** A check run's output.summary and output.text, in characters. */
  checkRunTextChars: 65_535,
  /** Annotations in one create or update request; more need further updates. */
  annotationsPerRequest: 50,
  /** requested_action buttons on a check run. */
  checkRunActions: 3,
  actionLabelChars: 20,
  actionDescriptionChars: 40,
  actionIdentifierChars: 20,
  /** An issue or pull request comment body, in characters (GitHub answers 422 "Body is too long"). */
  commentBodyChars: 65_536,
  /** Inputs of one workflow_dispatch. */
  workflowDispatchInputs: 25,
} as const;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
