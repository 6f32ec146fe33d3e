import { slug } from 'github-slugger';

/** The navigation tree of a product folder (`content/<locale>/<product>/TOC.md`), not an article. */
export const navigationFileName = 'TOC.md';

/** Whether a file below a content folder is an article: Markdown, and not the navigation tree. */
export function isArticleFile(name: string): boolean {
  const base = name.replaceAll('\\', '/').split('/').at(-1) ?? '';
  return /\.md$/i.test(base) && base.toLowerCase() !== navigationFileName.toLowerCase();
}

/** Where articles are read from, relative to the project root. */
export const siteContentDir = 'content';

/**
 * Pages that exist only in test builds (`INCLUDE_TEST_PAGES=1`): an English-only article to prove
 * the untranslated-page fallback and Markdown features the seed article does not use. They never
 * reach the real site.
 */
export const testContentDir = 'tests/fixtures/content';

/**
 * The content folders of this build: the site's own (or `CONTENT_DIR`, a folder inside the
 * project, which the corpus build check uses), plus the test pages when asked for.
 */
export function contentDirs(env: Record<string, string | undefined> = process.env): string[] {
  const main = env['CONTENT_DIR']?.replace(/\/+$/, '') || siteContentDir;
  if (main.startsWith('/') || main.split('/').includes('..')) {
    throw new Error(
      `CONTENT_DIR "${main}" must be a folder inside the project, given relative to it`,
    );
  }
  return env['INCLUDE_TEST_PAGES'] === '1' ? [main, testContentDir] : [main];
}

/**
 * Collection id of an article file given relative to the project root:
 * `content/ja-jp/partner-center/Foo.md` → `ja-jp/partner-center/foo`, the same slug per path
 * segment as Astro's default ids, whichever content folder the file comes from.
 */
export function articleIdOf(file: string, dirs: readonly string[]): string {
  const normalized = file.replace(/\\/g, '/');
  const dir = dirs.find((candidate) => normalized.startsWith(`${candidate}/`));
  const inside = dir ? normalized.slice(dir.length + 1) : normalized;
  return inside
    .replace(/\.md$/i, '')
    .split('/')
    .map((segment) => slug(segment))
    .join('/');
}
