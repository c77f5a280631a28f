/**
 * One replica of the App as its own process, for the tests that run several against one PostgreSQL
 * (test/replicas/). Its environment is the production one: APP_ID, PRIVATE_KEY, GHE_HOST and GHE_PROTOCOL (a fake
 * GitHub on loopback), DATABASE_URL, INFRACREW_SWEEP_SECONDS and INFRACREW_CLAIM_SECONDS. Webhooks reach it the
 * way they reach every replica: as rows of the store's delivery queue.
 */
import { Probot, ProbotOctokit } from "probot";
import { createInfracrew } from "../../app/index.js";

const probot = new Probot({
  appId: Number(process.env.APP_ID),
  privateKey: process.env.PRIVATE_KEY ?? "",
  baseUrl: `${process.env.GHE_PROTOCOL ?? "https"}://${process.env.GHE_HOST}/api/v3`,
  logLevel: "info",
  Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    retry: { enabled: false },
    throttle: { enabled: false },
  })),
});
await probot.load(createInfracrew({ env: process.env }), { cwd: process.cwd(), addHandler: () => undefined });
process.stdout.write("ready\n");
