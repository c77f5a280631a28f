import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { createInfracrew } from "../../app/index.js";
import packageJson from "../../package.json" with { type: "json" };
import { createTestProbot } from "../support/probot.js";
import { readRepoFile } from "../support/repo-files.js";

async function get(
  handlers: readonly ((req: IncomingMessage, res: ServerResponse) => unknown)[],
  url: string,
) {
  const req = new IncomingMessage(new Socket());
  req.method = "GET";
  req.url = url;
  const res = new ServerResponse(req);
  const chunks: Buffer[] = [];
  res.write = ((chunk: Buffer | string) => (chunks.push(Buffer.from(chunk)), true)) as typeof res.write;
  const ended = new Promise<void>((resolve) => {
    res.end = ((chunk?: Buffer | string) => {
      if (chunk) chunks.push(Buffer.from(chunk));
      resolve();
      return res;
    }) as typeof res.end;
  });
  for (const handler of handlers) {
    if (await handler(req, res)) {
      await ended;
      return { status: res.statusCode, body: Buffer.concat(chunks).toString("utf8") };
    }
  }
  return undefined;
}

describe("the Probot entry", () => {
  it("answers GET /healthz with the version", async () => {
    const { handlers } = await createTestProbot(createInfracrew({ env: {}, sweepSeconds: 0 }));
    expect(await get(handlers, "/healthz")).toEqual({
      status: 200,
      body: JSON.stringify({ status: "ok", version: packageJson.version }),
    });
  });

  it("serves GET /metrics with the infracrew_ metrics, and leaves other paths alone", async () => {
    const { handlers } = await createTestProbot(createInfracrew({ env: {}, sweepSeconds: 0 }));
    const metrics = await get(handlers, "/metrics");
    expect(metrics?.status).toBe(200);
    expect(metrics?.body).toContain("infracrew_agent_heartbeat_timestamp_seconds");
    expect(await get(handlers, "/nothing-here")).toBeUndefined();
  });

  it("mounts the Slack endpoints only when SLACK_SIGNING_SECRET is set", async () => {
    const without = await createTestProbot(createInfracrew({ env: {}, sweepSeconds: 0 }));
    const withSlack = await createTestProbot(
      createInfracrew({ env: { SLACK_SIGNING_SECRET: "s" }, sweepSeconds: 0 }),
    );
    expect(withSlack.handlers.length - without.handlers.length).toBe(2);
  });

  it("registers only events that app.yml subscribes to", () => {
    const source = readRepoFile("app/index.ts");
    const events = [...source.matchAll(/"([a-z_]+)\.[a-z_]+"/g)].map((m) => m[1]!);
    const manifest = readRepoFile("app.yml");
    for (const event of new Set(events)) {
      if (event === "installation" || event === "installation_repositories") continue;
      expect(manifest, event).toContain(`  - ${event} #`);
    }
  });
});
