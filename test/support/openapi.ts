import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
}

let cached: OpenApiDocument | undefined;

/** GitHub's published OpenAPI description of api.github.com (only this variant: the package's index loads them all). */
export function githubOpenApi(): OpenApiDocument {
  cached ??= JSON.parse(
    readFileSync(require.resolve("@octokit/openapi/generated/api.github.com.json"), "utf8"),
  ) as OpenApiDocument;
  return cached;
}
