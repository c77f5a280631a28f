import type * as MermaidCli from "@mermaid-js/mermaid-cli";
import type { Browser } from "puppeteer";
import { chromiumArgs, chromiumCandidate, requireChromium, type Env } from "./chromium.js";
import { asMermaidSyntaxError, ChromiumLaunchError } from "./errors.js";

export { findChromium, type Env } from "./chromium.js";
export { ChromiumLaunchError, ChromiumMissingError, MermaidSyntaxError } from "./errors.js";

export interface LaunchMermaidOptions {
  /** Wins over the environment. */
  readonly executablePath?: string;
  readonly env?: Env;
}

export interface RenderOptions {
  /** The root `<svg>` id, which prefixes Mermaid's inner ids: give each SVG embedded in one page its own. */
  readonly svgId?: string;
}

export interface MermaidRenderer {
  render(source: string, options?: RenderOptions): Promise<string>;
  close(): Promise<void>;
}

/** Mermaid jitters some shapes at random unless seeded; seeded, one source always gives the same SVG. */
const reproducible = { handDrawnSeed: 1, deterministicIds: true };

export async function launchMermaidBrowser(options: LaunchMermaidOptions = {}): Promise<MermaidRenderer> {
  const candidate = options.executablePath
    ? { path: options.executablePath, source: "executablePath option" as const }
    : chromiumCandidate(options.env ?? process.env);
  const executablePath = await requireChromium(candidate);
  // Imported here, not at the top: they take most of a second to load, which non-rendering callers skip.
  const [{ default: puppeteer }, mermaidCli] = await Promise.all([
    import("puppeteer"),
    import("@mermaid-js/mermaid-cli"),
  ]);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({ executablePath, headless: true, args: [...chromiumArgs] });
  } catch (error) {
    throw new ChromiumLaunchError(executablePath, error);
  }
  return {
    render: (source, renderOptions = {}) => renderSvg(mermaidCli, browser, source, renderOptions),
    close: async () => {
      if (browser.connected) await browser.close();
    },
  };
}

export async function renderMermaid(
  source: string,
  options: LaunchMermaidOptions & RenderOptions = {},
): Promise<string> {
  const renderer = await launchMermaidBrowser(options);
  try {
    return await renderer.render(source, options);
  } finally {
    await renderer.close();
  }
}

async function renderSvg(
  mermaidCli: typeof MermaidCli,
  browser: Browser,
  source: string,
  options: RenderOptions,
): Promise<string> {
  try {
    const { data } = await mermaidCli.renderMermaid(browser, source, "svg", {
      svgId: options.svgId,
      mermaidConfig: reproducible,
    });
    return new TextDecoder().decode(data);
  } catch (error) {
    throw asMermaidSyntaxError(error) ?? error;
  }
}
