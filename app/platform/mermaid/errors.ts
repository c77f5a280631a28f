export type ChromiumSource =
  "executablePath option" | "PUPPETEER_EXECUTABLE_PATH" | "CHROMIUM_PATH" | "default";

export class ChromiumMissingError extends Error {
  override readonly name = "ChromiumMissingError";

  constructor(
    readonly path: string,
    readonly source: ChromiumSource,
  ) {
    const origin = source === "default" ? "" : ` (from ${source})`;
    super(
      `Chromium was not found at ${path}${origin}. Mermaid diagrams need it: install it with ` +
        `"apt-get install -y chromium", or set PUPPETEER_EXECUTABLE_PATH to a Chromium or Chrome executable.`,
    );
  }
}

export class ChromiumLaunchError extends Error {
  override readonly name = "ChromiumLaunchError";

  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`Chromium at ${path} did not start: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

export class MermaidSyntaxError extends Error {
  override readonly name = "MermaidSyntaxError";

  constructor(
    message: string,
    readonly line: number | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const mermaidBundle = /\/mermaid\/dist\//;
const browserFrame = /^\s*(?:at\s+)?\S.*\((?:https?|file):\/\/[^)]*:\d+:\d+\)\s*$/;

/** Mermaid's own exceptions come back from the page with frames in its bundle; anything else is a fault. */
export function asMermaidSyntaxError(error: unknown): MermaidSyntaxError | undefined {
  if (!(error instanceof Error)) return undefined;
  const fromMermaid =
    error.name === "UnknownDiagramError" || mermaidBundle.test(error.stack ?? error.message);
  if (!fromMermaid) return undefined;
  const message = error.message
    .split("\n")
    .filter((line) => !browserFrame.test(line))
    .join("\n")
    .trim();
  const line = /\bon line (\d+)/.exec(message)?.[1];
  return new MermaidSyntaxError(message, line === undefined ? undefined : Number(line), { cause: error });
}
