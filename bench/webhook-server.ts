/**
 * One App instance as `npm start` serves webhooks (Probot's webhook middleware, signatures verified), on a port the
 * OS picks, printing `listening <port>`. The state of record is the one its environment names (DATABASE_URL, else
 * INFRACREW_DATA_DIR); the durable queue's workers run as in production. Used by webhooks.bench.ts.
 */
import { createServer } from "node:http";
import { createNodeMiddleware, Probot } from "probot";
import { createInfracrew } from "../app/index.js";

const probot = new Probot({
  appId: Number(process.env.APP_ID),
  privateKey: process.env.PRIVATE_KEY ?? "",
  secret: process.env.WEBHOOK_SECRET ?? "",
  logLevel: "warn",
});
const middleware = await createNodeMiddleware(createInfracrew({ env: process.env }), { probot });
const server = createServer((req, res) => {
  void middleware(req, res, () => res.writeHead(404).end());
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === "object" && address ? address.port : 0}\n`);
});
