/** One entry of a `TOC.md` navigation tree. */
export interface TocEntry {
  /** The text written in TOC.md (a translator's label for a heading without a link). */
  readonly text: string;
  /** The link target as written (`foo.md`, `index.yml`, `tutorials/x.yml`), if any. */
  readonly target?: string;
  /** 1-based line in TOC.md. */
  readonly line: number;
  readonly children: readonly TocEntry[];
}

const HEADING = /^(#{1,6})\s+(.*?)\s*$/;
const LINKED = /^\[(.*)\]\(([^()\s]+)\)$/;

/**
 * Reads Microsoft's `TOC.md` (Markdown headings, one per entry, `#` depth = tree depth, the text
 * optionally a link `[label](target)`) into a tree. Lines that are not headings are blank in the
 * real files; anything else, or a heading that skips a level, is an error with its line, because
 * a tree guessed from a broken file would silently hide articles.
 */
export function parseToc(text: string, file: string): TocEntry[] {
  const root: { children: TocEntry[] } = { children: [] };
  const stack: Array<{ depth: number; children: TocEntry[] }> = [
    { depth: 0, children: root.children },
  ];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = index + 1;
    if (raw.trim() === '') continue;
    const heading = HEADING.exec(raw);
    if (!heading)
      throw new Error(`${file}:${line}: expected a heading like "## [Title](article.md)"`);
    const depth = heading[1]?.length ?? 1;
    while ((stack.at(-1)?.depth ?? 0) >= depth) stack.pop();
    const parent = stack.at(-1);
    if (!parent || depth > parent.depth + 1) {
      throw new Error(
        `${file}:${line}: heading level ${depth} skips a level under level ${parent?.depth ?? 0}`,
      );
    }
    const content = heading[2] ?? '';
    const link = LINKED.exec(content);
    const children: TocEntry[] = [];
    const entry: TocEntry = link
      ? { text: (link[1] ?? '').trim(), target: link[2] ?? '', line, children }
      : { text: content, line, children };
    if (entry.text === '') throw new Error(`${file}:${line}: heading without text`);
    parent.children.push(entry);
    stack.push({ depth, children });
  }
  return root.children;
}
