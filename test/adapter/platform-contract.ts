import { describe, test } from "vitest";
import { FakePlatform } from "../../app/platform/fake-platform.js";
import type { Platform } from "../../app/platform/platform.js";
import type { GitHubMock } from "../support/github-mock.js";
import { githubPlatform } from "./github-fixtures.js";

/**
 * One behaviour every Platform must have. The world it starts from is said twice, once per implementation (seeded
 * into the fake; GitHub's answers for the GitHub adapter), and yields the identifiers the act and the check use;
 * the act and the check are shared, so the fake cannot drift from what the GitHub adapter does.
 */
export interface ContractCase<World> {
  readonly name: string;
  readonly fake: (fake: FakePlatform) => World;
  readonly github: (gh: GitHubMock) => World;
  readonly run: (platform: Platform, world: World) => Promise<void>;
}

/** Keeps each case's World type while collecting cases of different worlds in one list. */
export function contractCase<World>(c: ContractCase<World>): ContractCase<unknown> {
  return c as ContractCase<unknown>;
}

export function describePlatformContract(title: string, cases: readonly ContractCase<unknown>[]): void {
  describe(title, () => {
    for (const c of cases) {
      test(`${c.name} (fake)`, async () => {
        const fake = new FakePlatform({ owner: "acme", repo: "infra" });
        await c.run(fake, c.fake(fake));
      });
      test(`${c.name} (GitHub)`, async () => {
        const { gh, platform } = githubPlatform();
        await c.run(platform, c.github(gh));
      });
    }
  });
}
