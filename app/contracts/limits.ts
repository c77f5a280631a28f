/** Input size limits, defined once. */
export const LIMITS = {
  /** A goal, from any source. */
  goalBytes: 256 * 1024,
  /** Any artifact or config file read by the CLI or the app. */
  artifactBytes: 5 * 1024 * 1024,
} as const;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
