import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../conductor/deps.js";
import { isNonce, type DispatchRecord } from "../conductor/run-trust.js";
import type { OidcVerification } from "../platform/oidc/verify-oidc-token.js";
import { decideApplyRun, type GateDecisionDeps } from "./gate-decision.js";
import { header, postRoute, readRawBody, sendJson, type HttpHandler } from "./http.js";

export const GATE_PATH = "/infracrew/gate";

/** The body is `{"nonce": "<32 hex>"}`: a few dozen bytes. */
export const MAX_GATE_BODY_BYTES = 1024;

export interface GateEndpointOptions extends GateDecisionDeps {
  /** Verifies the job's OIDC token (signature, issuer, audience `infracrew`, times); throws only on a fault. */
  readonly verifyToken: (token: string) => Promise<OidcVerification>;
  readonly log: Logger;
}

/** What the gate action compares with the job's own inputs. */
export interface GateDispatch {
  readonly pr: number;
  readonly stack: string;
  readonly mode: DispatchRecord["mode"];
  readonly sha: string;
  readonly targetSha: string | null;
  readonly nonce: string;
  readonly plan: DispatchRecord["plan"];
}

export function gateDispatch(record: DispatchRecord): GateDispatch {
  const { pr, stack, mode, sha, targetSha, nonce, plan } = record;
  return { pr, stack, mode, sha, targetSha, nonce, plan };
}

const BEARER = /^Bearer +([^\s]+)$/i;
const NO_TOKEN = "the request carries no bearer token: send the job's OIDC token (audience infracrew)";

class BadRequest extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** Answers are about one run at one moment: never cached. */
function answer(
  res: ServerResponse,
  status: number,
  body: object,
  headers: Record<string, string> = {},
): void {
  res.setHeader("cache-control", "no-store");
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  sendJson(res, status, body);
}

function refuse(
  res: ServerResponse,
  status: number,
  reason: string,
  headers: Record<string, string> = {},
): void {
  answer(res, status, { approved: false, reason }, headers);
}

/** The nonce from a `{"nonce": "<32 hex>"}` body, or a BadRequest saying what is wrong with it. */
async function readNonce(req: IncomingMessage): Promise<string> {
  const type = (header(req, "content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw new BadRequest(415, "the body must be application/json");
  const raw = await readRawBody(req, MAX_GATE_BODY_BYTES);
  if (!raw) throw new BadRequest(413, `the body is larger than ${MAX_GATE_BODY_BYTES} bytes`);
  let body: unknown;
  try {
    body = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new BadRequest(400, "the body is not JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new BadRequest(400, 'the body must be {"nonce": "<32 hex>"}');
  const keys = Object.keys(body);
  const nonce = (body as { nonce?: unknown }).nonce;
  if (keys.length !== 1 || !isNonce(nonce))
    throw new BadRequest(
      400,
      'the body must be {"nonce": "<32 hex>"}, the nonce the App dispatched the run with',
    );
  return nonce;
}

/**
 * `POST /infracrew/gate`: the apply job's first step presents its GitHub Actions OIDC token (Bearer) and the nonce
 * it was dispatched with. 200 `{approved: true, dispatch}` when the App dispatched this run for that nonce (the job
 * then checks `dispatch` against its inputs); 403 `{approved: false, reason}` for any other run; 401 for a token
 * that does not verify; 400, 413 or 415 for a malformed request; 405 for another method; 500 with a generic message
 * (the error logged) when the App cannot decide.
 */
export function gateHandler(options: GateEndpointOptions): HttpHandler {
  return postRoute(GATE_PATH, async (req, res) => {
    try {
      const token = BEARER.exec(header(req, "authorization") ?? "")?.[1];
      if (!token) return refuse(res, 401, NO_TOKEN, { "www-authenticate": 'Bearer realm="infracrew-gate"' });
      let nonce: string;
      try {
        nonce = await readNonce(req);
      } catch (error) {
        if (error instanceof BadRequest) return refuse(res, error.status, error.message);
        throw error;
      }
      const verified = await options.verifyToken(token);
      if (!verified.ok) {
        options.log.warn({ code: verified.code, reason: verified.reason }, "gate: token refused");
        return refuse(res, 401, verified.reason, { "www-authenticate": 'Bearer error="invalid_token"' });
      }
      const decision = await decideApplyRun({ via: "oidc", claims: verified.claims, nonce }, options);
      const details = {
        repo: verified.claims.repository,
        runId: verified.claims.run_id,
        runAttempt: verified.claims.run_attempt,
        nonce,
      };
      if (!decision.approved) {
        options.log.info({ ...details, reason: decision.reason }, "gate: run rejected");
        return refuse(res, 403, decision.reason);
      }
      options.log.info({ ...details, repeat: decision.repeat }, "gate: run approved");
      answer(res, 200, { approved: true, dispatch: gateDispatch(decision.dispatch) });
    } catch (error) {
      options.log.error(
        { err: error instanceof Error ? (error.stack ?? error.message) : String(error) },
        "gate: could not decide",
      );
      if (res.headersSent) res.end();
      else refuse(res, 500, "the App could not decide; the error is in its log");
    }
  });
}
