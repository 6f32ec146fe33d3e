import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where a language's own 404 page is built, below its folder (`ja-jp/404/index.html`). */
const ownPage = (folder: string) => `${folder}/404/index.html`;

/** The 404 pages of a built site, and which one answers an unknown address. */
export interface NotFoundPages {
  /** The file (relative to the site folder) to send with status 404 for `pathname`, if any. */
  pageFor(pathname: string): string | undefined;
  /** Whether `pathname` is the address of a 404 page itself, which is never a page to read. */
  isNotFoundPage(pathname: string): boolean;
}

/**
 * Finds the 404 pages of the built site in `root`: `404.html` for any address, and one per
 * language folder that has its own (`ja-jp/404/index.html`, built by src/pages/[locale]/404.astro),
 * which answers the addresses under that folder, so a reader at `/ja-jp/missing` reads Japanese.
 */
export function findNotFoundPages(root: string): NotFoundPages {
  const general = existsSync(join(root, '404.html')) ? '404.html' : undefined;
  const folders = new Set(
    readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(root, ownPage(entry.name))))
      .map((entry) => entry.name),
  );
  const folderOf = (pathname: string) => pathname.split('/')[1] ?? '';
  return {
    pageFor(pathname) {
      const folder = folderOf(pathname);
      return folders.has(folder) ? ownPage(folder) : general;
    },
    isNotFoundPage(pathname) {
      const folder = folderOf(pathname);
      return folders.has(folder) && /^\/[^/]+\/404(\/(index\.html)?)?$/.test(pathname);
    },
  };
}
