import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { findGitHubOperation, requestBodyProblems } from "./openapi-operations.js";

/** One request the server received: `METHOD /path?query` and its JSON body. */
export interface ReceivedCall {
  readonly call: string;
  readonly body: unknown;
}

/** What a route answers; `hold` never answers (a process killed while it waits for GitHub). */
export type RouteAnswer = { readonly status: number; readonly body?: unknown } | { readonly hold: true };

type Route = (request: { readonly path: string; readonly body: unknown }) => RouteAnswer;

export interface FakeGitHubServer {
  /** The API root to give the app: GHE_HOST (host:port) with GHE_PROTOCOL http serves it at /api/v3. */
  readonly host: string;
  readonly calls: readonly ReceivedCall[];
  /** What a route answers: `METHOD /repos/o/r/...` (path without the /api/v3 prefix and without the query). */
  route(methodAndPath: string, answer: Route | RouteAnswer): void;
  /** Requests that broke GitHub's API description (operation unknown, or a body it does not accept). */
  readonly violations: readonly string[];
  close(): Promise<void>;
}

/**
 * A small GitHub on loopback for tests that run the app as separate processes (which nock cannot reach). Each
 * request is checked against GitHub's OpenAPI description like the in-process mock's, recorded, and answered by the
 * route registered for it; an unrouted request answers 501 and is recorded as a violation.
 */
export async function fakeGitHubServer(): Promise<FakeGitHubServer> {
  const calls: ReceivedCall[] = [];
  const violations: string[] = [];
  const routes = new Map<string, Route>();
  const held: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const path = decodeURIComponent(url.pathname.replace(/^\/api\/v3/, ""));
      const method = req.method ?? "GET";
      const text = Buffer.concat(chunks).toString("utf8");
      const body: unknown = text ? JSON.parse(text) : undefined;
      calls.push({ call: `${method} ${path}${url.search}`, body });
      const operation = findGitHubOperation(method, path);
      if (!operation) violations.push(`${method} ${path}: not an operation of GitHub's REST API`);
      else if (body !== undefined)
        for (const p of requestBodyProblems(operation, body)) violations.push(`${method} ${path}: ${p}`);
      const route = routes.get(`${method} ${path}`);
      if (!route) {
        violations.push(`${method} ${path}: no route`);
        res.writeHead(501).end();
        return;
      }
      const answer = route({ path: `${path}${url.search}`, body });
      if ("hold" in answer) {
        held.push(res);
        return;
      }
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    host: `127.0.0.1:${port}`,
    calls,
    violations,
    route(methodAndPath, answer) {
      routes.set(methodAndPath, typeof answer === "function" ? answer : () => answer);
    },
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
