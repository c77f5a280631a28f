import type { IncomingMessage, ServerResponse } from "node:http";

/** A route on the Probot server (registered with addHandler): true when it answered the request. */
export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** Slack's payloads are small; anything larger is refused before it is buffered. */
export const MAX_BODY_BYTES = 512 * 1024;

/** The request's body exactly as sent (signatures are over these bytes), or undefined when it is too large. */
export async function readRawBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > limit) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? "/", "http://localhost").pathname;
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(text);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers }).end(text);
}

/** A POST-only route: other paths are not its business; other methods get 405. */
export function postRoute(
  path: string,
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): HttpHandler {
  return async (req, res) => {
    if (pathOf(req) !== path) return false;
    if (req.method !== "POST") sendText(res, 405, "POST only", { allow: "POST" });
    else await handle(req, res);
    return true;
  };
}
