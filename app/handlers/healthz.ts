import type { IncomingMessage, ServerResponse } from "node:http";

/** GET /healthz: the process is up and answers. It checks nothing remote, so a GitHub outage does not kill pods. */
export function healthzHandler(version: string) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/healthz") return false;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ status: "ok", version }));
    return true;
  };
}
