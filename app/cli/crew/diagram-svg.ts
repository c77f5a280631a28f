import { launchMermaidBrowser, MermaidSyntaxError } from "../../platform/mermaid/render-mermaid.js";
import type { CliIo } from "../io.js";

export type DiagramSvg =
  { readonly ok: true; readonly svg: string } | { readonly ok: false; readonly why: string };

/**
 * The design's diagram as SVG, rendered by the foundation's Mermaid renderer with Chromium. Without Chromium
 * (ChromiumMissingError says how to get it) or when it cannot start, the run goes on and says why.
 */
export async function renderDiagramSvg(io: CliIo, mermaid: string): Promise<DiagramSvg> {
  let renderer;
  try {
    renderer = await launchMermaidBrowser({ env: io.env });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      why: `${why} diagram.mmd holds the diagram's source; GitHub renders it in a pull request.`,
    };
  }
  try {
    return { ok: true, svg: await renderer.render(mermaid, { svgId: "infracrew-diagram" }) };
  } catch (error) {
    if (error instanceof MermaidSyntaxError) {
      return {
        ok: false,
        why: `Mermaid could not read Atlas's diagram (a bug: please report it): ${error.message}`,
      };
    }
    throw error;
  } finally {
    await renderer.close();
  }
}
