/**
 * Front matter keys the site owns, not the translation: a re-import keeps them as the page has
 * them, and they do not count as a difference between an English page and its rebuilt source.
 * `task` places the inline task widget; `endpoint` points it at another API.
 */
export const SITE_KEYS: readonly string[] = ['task', 'endpoint'];

interface FrontMatterBlock {
  /** The top-level key, or undefined for lines before the first key (comments). */
  key: string | undefined;
  lines: string[];
}

/** Splits a page into its front matter's top-level key blocks and the rest, or undefined. */
function splitFrontMatter(
  markdown: string,
): { blocks: FrontMatterBlock[]; body: string } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/.exec(markdown);
  if (!match) return undefined;
  const blocks: FrontMatterBlock[] = [];
  for (const line of (match[1] ?? '').split(/\r?\n/)) {
    const key = /^([A-Za-z_][\w.-]*):/.exec(line)?.[1];
    const last = blocks.at(-1);
    if (key !== undefined || !last) blocks.push({ key, lines: [line] });
    else last.lines.push(line);
  }
  return { blocks, body: markdown.slice(match[0].length) };
}

function join(blocks: FrontMatterBlock[], body: string): string {
  return `---\n${blocks.flatMap((block) => block.lines).join('\n')}\n---\n${body}`;
}

/** The site-owned key blocks of a page's front matter, exactly as written there. */
export function siteKeyLines(markdown: string): string[] {
  const split = splitFrontMatter(markdown);
  if (!split) return [];
  return split.blocks
    .filter((block) => block.key && SITE_KEYS.includes(block.key))
    .flatMap((block) => block.lines);
}

/** The page without its site-owned front matter keys. */
export function withoutSiteKeys(markdown: string): string {
  const split = splitFrontMatter(markdown);
  if (!split) return markdown;
  return join(
    split.blocks.filter((block) => !(block.key && SITE_KEYS.includes(block.key))),
    split.body,
  );
}

/** The page with `lines` (site-owned key blocks) appended to its front matter, replacing its own. */
export function withSiteKeyLines(markdown: string, lines: readonly string[]): string {
  if (lines.length === 0) return markdown;
  const split = splitFrontMatter(withoutSiteKeys(markdown));
  if (!split) return markdown;
  return join([...split.blocks, { key: undefined, lines: [...lines] }], split.body);
}
