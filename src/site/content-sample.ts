import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The seed article, the one with the task widget: the content tests that copy the site use. */
export const seedArticle = 'partner-center/update-customer-account-info';

/**
 * The articles of the test build (`npm run build:test`), as paths below a locale folder without
 * `.md`: the seed article with the task, its section page and a sibling in the navigation tree, and
 * a few corpus articles that carry what others do not (images, tables, asides in lists, a file
 * name with a capital letter). The end-to-end tests run against these, so a test build stays as
 * small as it was with one article however many articles `content/` publishes; `npm run build`
 * and `.ci/run`'s corpus step build all of them.
 */
export const testBuildArticles: readonly string[] = [
  seedArticle,
  'partner-center/customer-accounts',
  'partner-center/give-customers-permission',
  'partner-center/azure-plan-manage',
  'partner-center/Azure-expert-msp',
];

/** Files a page brings along: the page and the importer's segment sidecar. */
const articleFile = /^(.*?)(?:\.segments\.json|\.md)$/;

/** A path below a locale folder that belongs to an article not in `articles` (compared without case). */
function isLeftOut(path: string, articles: ReadonlySet<string>): boolean {
  const article = articleFile.exec(path)?.[1];
  // Files that are not articles (a navigation tree such as TOC.md, images) are always kept.
  if (article === undefined || /(?:^|\/)toc$/i.test(article)) return false;
  return !articles.has(article.toLowerCase());
}

/**
 * Writes `to` as a copy of the content folder `from` with only the given articles (in every
 * locale folder that has them) and every file that is not an article page, and returns the
 * paths copied, relative to `to`. Everything else that reads content (the collection, links,
 * the navigation, the translators' check, the sitemap) then sees the same sample, because it is
 * the only content there is. `to` is replaced as a whole, so no article of an earlier sample
 * lingers.
 */
export function writeContentSample(
  from: string,
  to: string,
  articles: readonly string[] = testBuildArticles,
): string[] {
  const wanted = new Set(articles.map((article) => article.toLowerCase()));
  rmSync(to, { recursive: true, force: true });
  const copied: string[] = [];
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const relativePath = file.slice(from.length + 1).replaceAll('\\', '/');
    const [, ...belowLocale] = relativePath.split('/');
    if (belowLocale.length > 0 && isLeftOut(belowLocale.join('/'), wanted)) continue;
    mkdirSync(dirname(join(to, relativePath)), { recursive: true });
    copyFileSync(file, join(to, relativePath));
    copied.push(relativePath);
  }
  return copied.sort();
}
