import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import { contentDirs } from '../content-dirs.ts';
import { defaultLocale, type SiteLocale } from '../locales.ts';
import { sidebarProducts } from '../sidebar.ts';
import { resolveNavigation, type ArticleTitle, type NavItem } from './site-navigation.ts';
import { parseToc } from './toc.ts';

/** The navigation of one product in one locale. */
export interface ProductNavigation {
  readonly label: string;
  readonly tree: readonly NavItem[];
}

const cache = new Map<string, Promise<ProductNavigation[]>>();

/**
 * The site's navigation for a locale, built once per build from each product's `TOC.md` (the
 * locale's own, or English's when the locale has none) and the articles' titles in the locale.
 */
export function localeNavigation(locale: SiteLocale): Promise<ProductNavigation[]> {
  let navigation = cache.get(locale.folder);
  if (!navigation) {
    navigation = build(locale);
    cache.set(locale.folder, navigation);
  }
  return navigation;
}

async function build(locale: SiteLocale): Promise<ProductNavigation[]> {
  const entries = await getCollection('docs');
  const titles = new Map<string, ArticleTitle>();
  for (const wanted of [defaultLocale, locale]) {
    for (const entry of entries) {
      if (!entry.id.startsWith(`${wanted.folder}/`)) continue;
      titles.set(entry.id.slice(wanted.folder.length + 1), {
        title: entry.data.title,
        lang: wanted.lang,
      });
    }
  }
  return sidebarProducts.flatMap((product) => {
    const toc = tocFile(locale, product.folder);
    if (!toc) return [];
    return [
      {
        label:
          locale.lang === defaultLocale.lang
            ? product.label
            : (product.translations[locale.lang] ?? product.label),
        tree: resolveNavigation({
          locale,
          product: product.folder,
          toc: parseToc(readFileSync(toc.file, 'utf8'), toc.file),
          tocLang: toc.lang,
          titles,
        }),
      },
    ];
  });
}

/** The product's TOC.md in the locale's folder, else in English's, from the first content folder that has one. */
function tocFile(locale: SiteLocale, product: string): { file: string; lang: string } | undefined {
  for (const wanted of [locale, defaultLocale]) {
    for (const dir of contentDirs()) {
      const file = join(dir, wanted.folder, product, 'TOC.md');
      if (existsSync(file)) return { file, lang: wanted.lang };
    }
  }
  return undefined;
}
