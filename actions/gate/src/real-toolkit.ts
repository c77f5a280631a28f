/** The gate's toolkit on a runner: @actions/core and the global fetch, 30 seconds per request. */
import * as core from "@actions/core";
import type { GateToolkit } from "./toolkit.js";

const TIMEOUT_MS = 30_000;

export function realToolkit(): GateToolkit {
  return {
    core: {
      getInput: (name) => core.getInput(name),
      setOutput: (name, value) => core.setOutput(name, value),
      setSecret: (value) => core.setSecret(value),
      setFailed: (message) => core.setFailed(message),
      info: (message) => core.info(message),
      warning: (message) => core.warning(message),
      getIDToken: (audience) => core.getIDToken(audience),
    },
    async http(url, request) {
      const response = await fetch(url, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        redirect: "error",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      return { status: response.status, text: await response.text() };
    },
    env: process.env,
  };
}
