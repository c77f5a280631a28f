import { MARKERS } from "../render/markers.js";
import { decodeState } from "../conductor/pr-state.js";
import { STATE_LABELS, stateFromLabels } from "../conductor/states.js";
import type { Platform } from "../platform/platform.js";
import type { OpenGoalPr, QueueSource } from "./queue-reconciler.js";

/** What the source needs of an installation's Octokit. */
export interface SearchOctokit {
  request(route: "GET /search/issues", params: Record<string, string | number>): Promise<{ data: unknown }>;
}

interface SearchItem {
  readonly number: number;
  readonly repository_url: string;
  readonly labels: readonly ({ readonly name?: string } | string)[];
}

const PER_PAGE = 100;
/** GitHub's search returns at most 1,000 results. */
const MAX_PAGES = 10;

/** The search for open PRs carrying any Infracrew state label, in one account's repositories. */
export function openGoalPrQuery(account: { readonly login: string; readonly type?: string }): string {
  const scope = account.type === "Organization" ? "org" : "user";
  const labels = STATE_LABELS.map((l) => `"${l}"`).join(",");
  return `is:pr is:open ${scope}:${account.login} label:${labels}`;
}

/**
 * One installation's goal PRs through GitHub's search API: one request per 100 open goal PRs, whatever the number
 * of repositories. The state of a single PR is read from its sticky comment through the Platform.
 */
export function githubQueueSource(
  octokit: SearchOctokit,
  account: { readonly login: string; readonly type?: string },
  platformFor: (owner: string, repo: string) => Pick<Platform, "findComment">,
): QueueSource {
  return {
    name: account.login,
    async openGoalPrs() {
      const found: OpenGoalPr[] = [];
      const q = openGoalPrQuery(account);
      for (let page = 1; page <= MAX_PAGES; page++) {
        const { data } = await octokit.request("GET /search/issues", { q, per_page: PER_PAGE, page });
        const items = (data as { items?: SearchItem[] }).items ?? [];
        for (const item of items) {
          const labels = item.labels.map((l) => (typeof l === "string" ? l : (l.name ?? "")));
          const state = stateFromLabels(labels);
          const repo = /\/repos\/([^/]+\/[^/]+)$/.exec(item.repository_url)?.[1];
          if (state && repo) found.push({ repo, number: item.number, state });
        }
        if (items.length < PER_PAGE) break;
      }
      return found;
    },
    async prState(repo, number) {
      const [owner, name] = repo.split("/") as [string, string];
      const sticky = await platformFor(owner, name).findComment(number, MARKERS.sticky);
      return sticky ? decodeState(sticky.body) : undefined;
    },
  };
}
