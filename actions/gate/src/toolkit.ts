import type { Core } from "../../forge-common/src/toolkit.js";

/** What the gate action touches outside itself; tests give it a fake. */
export interface GateCore extends Omit<Core, "error"> {
  /** A GitHub Actions OIDC token for `audience` (needs `permissions: id-token: write`); throws when there is none. */
  getIDToken(audience: string): Promise<string>;
}

export interface HttpRequest {
  readonly method: "GET" | "POST";
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly text: string;
}

export interface GateToolkit {
  readonly core: GateCore;
  /** One HTTPS request, with a time limit; throws on a network failure. */
  http(url: string, request: HttpRequest): Promise<HttpResponse>;
  /** The run's environment (GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_API_URL …). */
  readonly env: Readonly<Record<string, string | undefined>>;
}
