import { existsSync, readdirSync } from 'node:fs';
import { slug } from 'github-slugger';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HastPluginEntry } from 'satteri';
import { defaultLocale, publicArticleUrl, type SiteLocale } from '../locales.ts';
import { contentFileOf } from './page-locale.ts';
import { isArticleFile } from '../content-dirs.ts';

/** Where a relative article link ends up. */
export interface ResolvedArticleLink {
  readonly href: string;
  /** True when the target is the article's public page elsewhere, not a page of this site. */
  readonly external: boolean;
}

/** A relative link to another article, as Microsoft's sources write them: `other-article.md#part`. */
const relativeArticleLink = /^(?![a-z][a-z0-9+.-]*:|\/|#)([^?#]+)\.md(#.*)?$/i;

/**
 * Resolves a relative `.md` link written in `fromPath` (path below the locale folder) to the
 * page a reader should get: our page (as a link relative to the current page) when we publish the
 * article in that language or in English, otherwise the article's public page for the
 * product folder. Returns `undefined` for links that are not relative article links; throws when
 * a link has neither, because a link that leads to a 404 is worse than a failed build.
 */
export function resolveArticleLink(
  href: string,
  fromPath: string,
  locale: SiteLocale,
  contentDirs: readonly string[],
): ResolvedArticleLink | undefined {
  const match = relativeArticleLink.exec(href);
  if (!match) return undefined;
  const target = posix.normalize(posix.join(posix.dirname(fromPath), decodeURI(match[1] ?? '')));
  const hash = match[2] ?? '';
  if (target.startsWith('..')) {
    throw new Error(`link "${href}" leaves the content folder`);
  }
  const published = contentDirs.some((contentDir) =>
    [locale.folder, defaultLocale.folder].some((folder) =>
      hasArticle(join(contentDir, folder), target),
    ),
  );
  if (published) {
    // Relative to the page, because an English page is also served, unchanged, as the fallback
    // under every other locale's folder: a relative link keeps that reader in their language.
    const pageUrl = (path: string) =>
      `/${path
        .split('/')
        .map((segment) => slug(segment))
        .join('/')}/`;
    const relativeHref = posix.relative(pageUrl(fromPath.replace(/\.md$/i, '')), pageUrl(target));
    // Heading ids are lower-case (Microsoft's anchors and Astro's slugs alike) and a fragment
    // matches case-sensitively; some links write `#…-Azure-reservations`.
    const fragment = hash.toLowerCase();
    return {
      href: relativeHref === '' ? `./${fragment}` : `${relativeHref}/${fragment}`,
      external: false,
    };
  }
  const publicUrl = publicArticleUrl(target, locale);
  if (!publicUrl) {
    throw new Error(
      `link "${href}" points to an article this site does not have, and folder "${target.split('/')[0]}" has no public base URL in src/site/locales.ts`,
    );
  }
  return { href: `${publicUrl}${hash}`, external: true };
}

/** An opening `<a …>` tag in raw HTML, and the `href` inside one (quoted as the sources do). */
const RAW_ANCHOR = /<a\s[^>]*>/gi;
const RAW_HREF = /\bhref="([^"]*)"/i;

const articlesByFolder = new Map<string, Set<string>>();

/**
 * Whether `folder` (a locale folder) holds the article `path` (no `.md`), compared without case:
 * Microsoft's links and file names disagree on case (`Azure-expert-msp.md`), and the site's URLs
 * are lower-case slugs anyway.
 */
function hasArticle(folder: string, path: string): boolean {
  let articles = articlesByFolder.get(folder);
  if (!articles) {
    articles = new Set(
      existsSync(folder)
        ? readdirSync(folder, { recursive: true, encoding: 'utf8' })
            .filter((file) => isArticleFile(file))
            .map((file) => file.replaceAll('\\', '/').replace(/\.md$/i, '').toLowerCase())
        : [],
    );
    articlesByFolder.set(folder, articles);
  }
  return articles.has(path.toLowerCase());
}

/**
 * Hast plugin: rewrites relative `.md` links of content pages with {@link resolveArticleLink}.
 * Links to the public site carry the page's language in `hreflang`, so assistive technology and
 * search engines know what they lead to.
 */
export function articleLinksPlugin(contentDirs: readonly string[]): HastPluginEntry {
  return ({ fileURL }) => {
    const file = contentFileOf(fileURL, contentDirs);
    if (!file) return undefined;
    const resolve = (href: string, line: number | undefined) => {
      try {
        return resolveArticleLink(href, file.path, file.locale, contentDirs);
      } catch (error) {
        throw new Error(
          `${fileURL ? fileURLToPath(fileURL) : file.path}${line ? `:${line}` : ''}: ${(error as Error).message}`,
        );
      }
    };
    return {
      name: 'partner-help-article-links',
      // Microsoft's tables are raw HTML, with `<a href="other.md">` inside: rewritten the same way.
      raw(node) {
        const value = node.value.replace(RAW_ANCHOR, (tag) =>
          tag.replace(RAW_HREF, (attribute, href: string) => {
            const resolved = resolve(href, node.position?.start.line);
            if (!resolved) return attribute;
            const lang = resolved.external ? ` hreflang="${file.locale.lang}"` : '';
            return `href="${resolved.href}"${lang}`;
          }),
        );
        return value === node.value ? undefined : { ...node, value };
      },
      element: {
        filter: ['a'],
        visit(node, ctx) {
          const href = node.properties?.['href'];
          if (typeof href !== 'string') return;
          const resolved = resolve(href, node.position?.start.line);
          if (!resolved) return;
          ctx.setProperty(node, 'href', resolved.href);
          if (resolved.external) ctx.setProperty(node, 'hreflang', file.locale.lang);
        },
      },
    };
  };
}
