/** The visible text of an SVG: tags and styles dropped, entities decoded, whitespace collapsed. */
export function svgText(svg: string): string {
  const entities: Record<string, string> = { lt: "<", gt: ">", quot: '"', amp: "&", apos: "'" };
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&(#\d+|[a-z]+);/g, (m, e: string) =>
      e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : (entities[e] ?? m),
    )
    .replace(/\s+/g, " ");
}
