import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';
import { siteLocales } from '../../src/site/locales.ts';
import { gzipSize } from './gzip-size.ts';

/** What one built article page costs a reader, gzipped. */
export interface PageSize {
  /** Address of the page, `/ja-jp/partner-center/x/`. */
  readonly path: string;
  readonly htmlGz: number;
  /** Stylesheets the page links to. */
  readonly cssGz: number;
  /** Script files the page loads as it opens, with the modules they import statically. */
  readonly jsGz: number;
  /** True for a page with the task widget, whose script is the task itself. */
  readonly hasWidget: boolean;
}

/** The sizes of a built site's article pages, and the summaries the budgets are about. */
export interface SiteSizes {
  readonly pages: readonly PageSize[];
  readonly htmlGzMedian: number;
  readonly htmlGzMax: PageSize;
  readonly cssGzMax: PageSize;
  /** The article without the widget that loads the most script. */
  readonly readingJsGzMax: PageSize;
  /** The widget article that loads the most script (all its script, the element's included). */
  readonly widgetPageJsGzMax: PageSize | undefined;
}

/** Every element of a tree, depth first. */
function* elements(node: Root | RootContent): Generator<Element> {
  if (node.type === 'element') yield node;
  if ('children' in node) for (const child of node.children) yield* elements(child);
}

/**
 * The article pages of a built site: `<locale>/<product>/…/index.html`, so the language home
 * pages, the 404 page and the translators' pages are left out.
 */
export function articlePages(distDir: string): string[] {
  return siteLocales.flatMap((locale) => {
    const dir = join(distDir, locale.folder);
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((file) => file.replaceAll('\\', '/'))
      .filter((file) => file.endsWith('/index.html') && file.split('/').length >= 3)
      .map((file) => `/${locale.folder}/${file.slice(0, -'index.html'.length)}`)
      .sort();
  });
}

/** Static `import … from "./x.js"` and `import "./x.js"` of a built module (not `import()`). */
const staticImport = /(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g;

/**
 * Measures the article pages of the built site in `distDir`. A file is counted once per page
 * that loads it, as a reader who opens that page first downloads it.
 */
export function measurePages(distDir: string): SiteSizes {
  const fileGz = new Map<string, number>();
  const sizeOf = (file: string) => {
    let size = fileGz.get(file);
    if (size === undefined) {
      size = gzipSize(readFileSync(file));
      fileGz.set(file, size);
    }
    return size;
  };
  const siteFile = (pagePath: string, url: string) => {
    const address = new URL(url, `http://site${pagePath}`);
    return address.host === 'site' ? join(distDir, decodeURIComponent(address.pathname)) : null;
  };
  /** A module and everything it imports statically, as files of the site. */
  const moduleClosure = (file: string, seen: Set<string>) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(staticImport)) {
      const target = match[1] ?? '';
      if (target.startsWith('.')) moduleClosure(join(dirname(file), posix.normalize(target)), seen);
      else if (target.startsWith('/')) moduleClosure(join(distDir, target), seen);
    }
  };

  const pages = articlePages(distDir).map((path): PageSize => {
    const html = readFileSync(join(distDir, path, 'index.html'), 'utf8');
    const stylesheets = new Set<string>();
    const scripts = new Set<string>();
    let hasWidget = false;
    for (const element of elements(fromHtml(html))) {
      const props = element.properties;
      if (element.tagName === 'customer-account-update') hasWidget = true;
      const rel = Array.isArray(props['rel']) ? props['rel'] : [];
      if (element.tagName === 'link' && typeof props['href'] === 'string') {
        const file = siteFile(path, props['href']);
        if (file && rel.includes('stylesheet')) stylesheets.add(file);
        if (file && rel.includes('modulepreload')) moduleClosure(file, scripts);
      }
      if (element.tagName === 'script' && typeof props['src'] === 'string') {
        const file = siteFile(path, props['src']);
        if (file) moduleClosure(file, scripts);
      }
    }
    const total = (files: Set<string>) =>
      [...files].filter((file) => existsSync(file)).reduce((sum, file) => sum + sizeOf(file), 0);
    return {
      path,
      htmlGz: gzipSize(html),
      cssGz: total(stylesheets),
      jsGz: total(scripts),
      hasWidget,
    };
  });
  if (pages.length === 0)
    throw new Error(`no article pages in ${relative(process.cwd(), distDir) || distDir}`);
  const largest = (list: readonly PageSize[], key: 'htmlGz' | 'cssGz' | 'jsGz') =>
    list.reduce((max, page) => (page[key] > max[key] ? page : max));
  const reading = pages.filter((page) => !page.hasWidget);
  const withWidget = pages.filter((page) => page.hasWidget);
  return {
    pages,
    htmlGzMedian: median(pages.map((page) => page.htmlGz)),
    htmlGzMax: largest(pages, 'htmlGz'),
    cssGzMax: largest(pages, 'cssGz'),
    readingJsGzMax: largest(reading.length > 0 ? reading : pages, 'jsGz'),
    widgetPageJsGzMax: withWidget.length > 0 ? largest(withWidget, 'jsGz') : undefined,
  };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
