import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export interface WebhookExampleGroup {
  name: string;
  actions: string[];
  examples: Record<string, unknown>[];
}

let cached: WebhookExampleGroup[] | undefined;

/** Real webhook payloads from @octokit/webhooks-examples. */
export function webhookExamples(): WebhookExampleGroup[] {
  cached ??= JSON.parse(
    readFileSync(require.resolve("@octokit/webhooks-examples/api.github.com/index.json"), "utf8"),
  ) as WebhookExampleGroup[];
  return cached;
}
