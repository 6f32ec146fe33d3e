import { readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { articleIdOf } from './content-dirs.ts';
import { defaultLocale } from './locales.ts';

/** A product folder of `content/<locale>/` and how its sidebar group is labelled per language. */
export interface SidebarProduct {
  readonly folder: string;
  readonly label: string;
  /** The group label in other languages, keyed by BCP-47 tag. */
  readonly translations: Readonly<Record<string, string>>;
}

/** The products the site publishes, in sidebar order. */
export const sidebarProducts: readonly SidebarProduct[] = [
  {
    folder: 'partner-center',
    label: 'Partner Center',
    translations: { 'ja-JP': 'パートナー センター', 'zh-TW': '合作夥伴中心' },
  },
];

/**
 * Starlight's sidebar groups, one per product, listing every English article (Starlight shows
 * each link with the page's title in the reader's language and falls back to English).
 * Starlight's `autogenerate` cannot be used: it only sees files below `src/content/docs`.
 */
export function sidebarGroups(rootDir: string, contentDirs: readonly string[]) {
  return sidebarProducts.map((product) => {
    const slugs = contentDirs.flatMap((dir) => {
      const folder = join(rootDir, dir, defaultLocale.folder, product.folder);
      let files: string[];
      try {
        files = readdirSync(folder, { recursive: true, encoding: 'utf8' });
      } catch {
        return [];
      }
      return files
        .filter((file) => file.endsWith('.md'))
        .map((file) => articleIdOf(posix.join(product.folder, file.replaceAll('\\', '/')), []));
    });
    return {
      label: product.label,
      translations: product.translations,
      items: [...new Set(slugs)].sort().map((slug) => ({ slug })),
    };
  });
}
