import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { articleIdOf, isArticleFile } from './content-dirs.ts';
import { defaultLocale, siteLocales } from './locales.ts';

function markdownFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) =>
      isArticleFile(file),
    );
  } catch {
    return [];
  }
}

/**
 * Addresses (`/ja-jp/partner-center/x/`) of the pages a locale serves in English because it has
 * no translation: they must not be indexed as that locale's pages (left out of its sitemap; their
 * canonical is the English page; see route-middleware.ts).
 */
export function fallbackPagePaths(rootDir: string, contentDirs: readonly string[]): Set<string> {
  const idsOf = (folder: string) =>
    new Set(
      contentDirs.flatMap((dir) =>
        markdownFiles(join(rootDir, dir, folder)).map((file) =>
          articleIdOf(relative(rootDir, join(rootDir, dir, folder, file)), contentDirs).replace(
            /^[^/]+\//,
            '',
          ),
        ),
      ),
    );
  const english = idsOf(defaultLocale.folder);
  const paths = new Set<string>();
  for (const locale of siteLocales) {
    if (locale.folder === defaultLocale.folder) continue;
    const own = idsOf(locale.folder);
    for (const id of english) if (!own.has(id)) paths.add(`/${locale.folder}/${id}/`);
  }
  return paths;
}

/**
 * A sitemap (`@astrojs/sitemap`'s XML) without the given pages: their `<url>` entries and the
 * `xhtml:link` alternates that point to them.
 */
export function sitemapWithout(xml: string, site: string, paths: ReadonlySet<string>): string {
  const excluded = new Set([...paths].map((path) => new URL(path, site).href));
  return xml
    .replace(/<url>[\s\S]*?<\/url>/g, (entry) => {
      const loc = /<loc>([^<]*)<\/loc>/.exec(entry)?.[1];
      return loc && excluded.has(loc) ? '' : entry;
    })
    .replace(/<xhtml:link [^>]*href="([^"]*)"[^>]*\/>/g, (link, href: string) =>
      excluded.has(href) ? '' : link,
    );
}

/**
 * Removes fallback pages from the sitemap `@astrojs/sitemap` writes. Starlight adds that
 * integration while the config is set up, so this one adds its own build step at the same moment,
 * after it: build steps run in the order integrations were added.
 */
export function fallbackSitemapIntegration(
  rootDir: string,
  contentDirs: readonly string[],
): AstroIntegration {
  const cleaner: AstroIntegration = {
    name: 'partner-help-sitemap-without-fallbacks',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const paths = fallbackPagePaths(rootDir, contentDirs);
        for (const file of readdirSync(outDir).filter((name) => /^sitemap-\d+\.xml$/.test(name))) {
          const path = join(outDir, file);
          const xml = readFileSync(path, 'utf8');
          const site = /<loc>(https?:\/\/[^/<]+)/.exec(xml)?.[1];
          if (!site) continue;
          writeFileSync(path, sitemapWithout(xml, site, paths));
        }
        logger.info(`${paths.size} fallback page(s) left out of the sitemap`);
      },
    },
  };
  return {
    name: 'partner-help-fallback-sitemap',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ integrations: [cleaner] });
      },
    },
  };
}
