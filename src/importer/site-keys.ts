/**
 * Front matter keys the site owns, not the translation: a re-import keeps them as the page has
 * them, and they do not count as a difference between an English page and its rebuilt source.
 * `task` places the inline task widget; `endpoint` points it at another API.
 */
export const SITE_KEYS: readonly string[] = ['task', 'endpoint'];

/** Keys the importer itself writes, from the source's title, H1, "Applies to" and roles lists. */
const IMPORTER_KEYS: readonly string[] = [
  'heading',
  'titleSuffix',
  'appliesTo',
  'appliesToLabel',
  'roles',
  'rolesLabel',
];

/**
 * Starlight's own front matter keys that change how a page is built or where it appears (`head`
 * adds tags to the page, `template: splash` drops the article layout, `slug` moves it), plus
 * YAML's merge key `<<`, which js-yaml (Astro's front matter reader) expands into other keys.
 */
const PAGE_SETTING_KEYS: readonly string[] = [
  'template',
  'hero',
  'head',
  'banner',
  'sidebar',
  'pagefind',
  'editUrl',
  'lastUpdated',
  'prev',
  'next',
  'tableOfContents',
  'draft',
  'slug',
  '<<',
];

const SOURCE_FORBIDDEN = new Set(
  [...SITE_KEYS, ...IMPORTER_KEYS, ...PAGE_SETTING_KEYS].map((key) => key.toLowerCase()),
);

/**
 * Whether a source file may not set `key` in its front matter: it belongs to the site (see
 * `SITE_KEYS`), to the importer, or to Starlight's page settings. Compared without case, so
 * `Task:` is refused as well as `task:`.
 */
export function isSiteOwnedKey(key: string): boolean {
  return SOURCE_FORBIDDEN.has(key.toLowerCase());
}

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
