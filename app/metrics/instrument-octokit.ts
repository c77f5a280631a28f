import type { ProbotOctokit } from "probot";
import type { InfracrewMetrics } from "./metrics.js";

/** Probot's Octokit: each event's context.octokit, or what app.auth() returns. */
export type HookableOctokit = Pick<InstanceType<typeof ProbotOctokit>, "hook">;

interface ResponseHeaders {
  readonly headers?: Readonly<Record<string, string | number | undefined>>;
}

const instrumented = new WeakSet<object>();

/**
 * Counts every request an Octokit sends, and reads GitHub's rate-limit headers from each answer (errors too).
 * Call it on each event's octokit with the installation id; calling it twice on one octokit counts once.
 */
export function instrumentOctokit(
  octokit: HookableOctokit,
  metrics: InfracrewMetrics,
  installation: string | number,
): void {
  if (instrumented.has(octokit)) return;
  instrumented.add(octokit);
  const id = String(installation);
  octokit.hook.wrap("request", async (request, options) => {
    const method = options.method ?? "GET";
    try {
      const response = await request(options);
      metrics.apiCall({
        installation: id,
        method,
        status: String(response.status),
        headers: response.headers,
      });
      return response;
    } catch (error) {
      const failed = error as { status?: unknown; response?: ResponseHeaders };
      const status = typeof failed.status === "number" ? String(failed.status) : "error";
      metrics.apiCall({ installation: id, method, status, headers: failed.response?.headers ?? {} });
      throw error;
    }
  });
}
