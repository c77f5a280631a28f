import { generateKeyPairSync } from "node:crypto";
import { type ApplicationFunction, type ApplicationFunctionOptions, Probot, ProbotOctokit } from "probot";
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
  /** Delivers a webhook; resolves once every handler has finished, rejects with their errors. */
  receive(name: string, payload: Record<string, unknown>): Promise<void>;
}

/**
 * Probot as in production but without retries, throttling or a server, with the app loaded. Installation tokens are
 * real requests: mock them with `gh.installationToken()`. Payloads: `examplePayload()`.
 */
export async function createTestProbot(app: ApplicationFunction): Promise<TestProbot> {
  const probot = new Probot({
    appId: 123,
    privateKey: testPrivateKey(),
    logLevel: "fatal",
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
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
    receive: (name, payload) =>
      probot.receive({ id: `delivery-${++delivery}`, name, payload } as Parameters<Probot["receive"]>[0]),
  };
}
