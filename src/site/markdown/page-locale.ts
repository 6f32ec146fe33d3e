import { fileURLToPath } from 'node:url';
import { relative, sep } from 'node:path';
import { localeByFolder, type SiteLocale } from '../locales.ts';

/** Where a Markdown file sits in the site's content folder. */
export interface ContentFile {
  /** The locale whose folder holds the file. */
  readonly locale: SiteLocale;
  /** Path below the locale folder, `/`-separated, e.g. `partner-center/update-customer-account-info.md`. */
  readonly path: string;
}

/**
 * Tells which locale a Markdown file belongs to from its place in one of the absolute
 * `contentDirs` (`content/<folder>/…`), or `undefined` for files outside them.
 */
export function contentFileOf(
  fileURL: URL | string | undefined,
  contentDirs: readonly string[],
): ContentFile | undefined {
  if (fileURL === undefined) return undefined;
  const filePath = typeof fileURL === 'string' ? fileURL : fileURLToPath(fileURL);
  for (const contentDir of contentDirs) {
    const parts = relative(contentDir, filePath).split(sep);
    if (parts[0] === '..' || parts.length < 2) continue;
    const locale = localeByFolder(parts[0] ?? '');
    if (locale) return { locale, path: parts.slice(1).join('/') };
  }
  return undefined;
}
