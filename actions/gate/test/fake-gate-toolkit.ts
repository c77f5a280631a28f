/** A GateToolkit for tests: inputs as given, HTTP answered by a script, every request, output and mask recorded. */
import type { GateToolkit, HttpRequest, HttpResponse } from "../src/toolkit.js";

export interface FakeGate extends GateToolkit {
  readonly requests: { url: string; request: HttpRequest }[];
  readonly outputs: Record<string, string>;
  readonly secrets: string[];
  readonly logs: string[];
  readonly tokenRequests: string[];
  failed: string | undefined;
}

export function fakeGate(options: {
  inputs: Record<string, string>;
  /** The job's OIDC token, or an error its request throws. */
  token?: string | Error;
  http?: (url: string, request: HttpRequest) => HttpResponse | Error;
  env?: Record<string, string>;
}): FakeGate {
  const fake: FakeGate = {
    requests: [],
    outputs: {},
    secrets: [],
    logs: [],
    tokenRequests: [],
    failed: undefined,
    core: {
      getInput: (name) => options.inputs[name] ?? "",
      setOutput: (name, value) => void (fake.outputs[name] = value),
      setSecret: (value) => void fake.secrets.push(value),
      setFailed: (message) => void (fake.failed = message),
      info: (message) => void fake.logs.push(message),
      warning: (message) => void fake.logs.push(`warning: ${message}`),
      async getIDToken(audience) {
        fake.tokenRequests.push(audience);
        if (options.token instanceof Error) throw options.token;
        if (options.token === undefined)
          throw new Error("Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable");
        return options.token;
      },
    },
    async http(url, request) {
      fake.requests.push({ url, request });
      const answer = options.http?.(url, request) ?? new Error("no network in tests");
      if (answer instanceof Error) throw answer;
      return answer;
    },
    env: options.env ?? {},
  };
  return fake;
}

/** An unsigned JWT with these claims (the App verifies signatures; the gate only reads claims). */
export function jwt(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "RS256", typ: "JWT", kid: "test" })}.${part(claims)}.${Buffer.from("signature").toString("base64url")}`;
}
