import { generateKeyPairSync } from "node:crypto";
import {
  type ApplicationFunction,
  type ApplicationFunctionOptions,
  type Logger,
  Probot,
  ProbotOctokit,
} from "probot";
import { repoPath } from "./repo-files.js";

type Handler = Parameters<ApplicationFunctionOptions["addHandler"]>[0];

let privateKey: string | undefined;

/** An RSA key in PKCS#1 PEM, made once per test process: Probot signs its app JWT with it. */
export function testPrivateKey(): string {
  privateKey ??= generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
  }).privateKey;
  return privateKey;
}

export interface TestProbot {
  readonly probot: Probot;
  /** The HTTP handlers the app registered with addHandler (Probot 14's replacement for getRouter). */
  readonly handlers: readonly Handler[];
  /**
   * Delivers a webhook; resolves once every handler has finished, rejects with their errors. A redelivery passes the
   * original's `id` (GitHub redelivers with the same X-GitHub-Delivery).
   */
  receive(name: string, payload: Record<string, unknown>, id?: string): Promise<void>;
}

/**
 * Probot as in production but without retries, throttling or a server, with the app loaded. Installation tokens are
 * real requests: mock them with `gh.installationToken()`. Payloads: `examplePayload()`. Logs are dropped unless a
 * `log` is given (a pino logger).
 */
export async function createTestProbot(
  app: ApplicationFunction,
  options: { readonly log?: Logger } = {},
): Promise<TestProbot> {
  const probot = new Probot({
    appId: 123,
    privateKey: testPrivateKey(),
    ...(options.log ? { log: options.log } : { logLevel: "fatal" }),
    Octokit: ProbotOctokit.defaults((octokitOptions: Record<string, unknown>) => ({
      ...octokitOptions,
      retry: { enabled: false },
      throttle: { enabled: false },
    })),
  });
  const handlers: Handler[] = [];
  await probot.load(app, { cwd: repoPath("."), addHandler: (handler) => handlers.push(handler) });
  let delivery = 0;
  return {
    probot,
    handlers,
    receive: (name, payload, id = `delivery-${++delivery}`) =>
      probot.receive({ id, name, payload } as Parameters<Probot["receive"]>[0]),
  };
}
