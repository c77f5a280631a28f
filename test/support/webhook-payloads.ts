import { TEST_INSTALLATION_ID } from "./github-mock.js";
import { webhookExamples } from "./webhook-examples.js";

type Json = Record<string, unknown>;

/**
 * A real payload from @octokit/webhooks-examples adapted to a test: the first example of `event` with `action`,
 * moved to the repository owner/repo (acme/infra by default), given the test installation's id, then `overrides`
 * merged in deeply (objects merge, arrays and values replace, undefined removes).
 */
export function examplePayload(
  event: string,
  action: string | undefined,
  overrides: Json = {},
  repo: { readonly owner: string; readonly repo: string } = { owner: "acme", repo: "infra" },
): Json {
  const group = webhookExamples().find((g) => g.name === event);
  if (group === undefined) throw new Error(`no webhook examples for ${event}`);
  const example = group.examples.find((e) => e.action === action);
  if (example === undefined) {
    const actions = [...new Set(group.examples.map((e) => String(e.action)))].join(", ");
    throw new Error(`no ${event} example with action ${String(action)} (there are: ${actions})`);
  }
  const adapted: Json = {
    installation: { id: TEST_INSTALLATION_ID, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI0Mg==" },
  };
  if (typeof example.repository === "object" && example.repository !== null) {
    adapted.repository = {
      name: repo.repo,
      full_name: `${repo.owner}/${repo.repo}`,
      owner: { login: repo.owner },
      html_url: `https://github.com/${repo.owner}/${repo.repo}`,
    };
  }
  return deepMerge(deepMerge(structuredClone(example), adapted), overrides);
}

function deepMerge(target: Json, source: Json): Json {
  const out: Json = { ...target };
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined) delete out[key];
    else out[key] = isPlainObject(value) && isPlainObject(out[key]) ? deepMerge(out[key], value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
