/** "a", "a and b", "a, b and c": words joined as a sentence lists them. */
export function andList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)!}`;
}
