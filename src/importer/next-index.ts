/**
 * `indexOf` that remembers its last answer for each string it looks for. A scanner that looks
 * for the same `>` or `"` from many nearby places then reads the text between once, not once per
 * place, which is what keeps the importer's scanners linear in time.
 */
export class NextIndex {
  readonly #text: string;
  readonly #found = new Map<string, { from: number; at: number }>();

  constructor(text: string) {
    this.#text = text;
  }

  /** Index of the first `needle` at or after `from`, or -1. */
  of(needle: string, from: number): number {
    const known = this.#found.get(needle);
    if (known && known.from <= from && (known.at === -1 || known.at >= from)) return known.at;
    const at = this.#text.indexOf(needle, from);
    this.#found.set(needle, { from, at });
    return at;
  }
}
