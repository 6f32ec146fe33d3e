import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { posix } from 'node:path';
import { missingImageClasses } from './markdown/missing-images.ts';

/** What one built page offers and asks for, as the full-site check needs it. */
export interface BuiltPage {
  /** Site path of the page: `/ja-jp/partner-center/foo/`. */
  readonly url: string;
  /** Every id in the page. */
  readonly ids: ReadonlySet<string>;
  /** Site-internal link targets (path and fragment), resolved against the page. */
  readonly links: readonly { path: string; fragment: string }[];
  /** Missing-image boxes without alt text. */
  readonly boxesWithoutAlt: number;
  /** Missing-image boxes. */
  readonly boxes: number;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** Reads a built page: its ids, the site links in `<a href>`, and its missing-image boxes. */
export function readBuiltPage(url: string, html: string): BuiltPage {
  const tree: Root = fromHtml(html);
  const ids = new Set<string>();
  const links: { path: string; fragment: string }[] = [];
  let boxes = 0;
  let boxesWithoutAlt = 0;
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const id = child.properties['id'];
      if (typeof id === 'string') ids.add(id);
      const classes = child.properties['className'];
      if (Array.isArray(classes) && classes.includes(missingImageClasses.box)) {
        boxes += 1;
        const hasAlt = child.children.some(
          (part) =>
            part.type === 'element' &&
            Array.isArray(part.properties['className']) &&
            part.properties['className'].includes(missingImageClasses.alt),
        );
        if (!hasAlt) boxesWithoutAlt += 1;
      }
      const href = child.tagName === 'a' ? child.properties['href'] : undefined;
      if (typeof href === 'string' && href !== '' && !EXTERNAL.test(href)) {
        const [pathPart = '', fragment = ''] = href.split('#');
        const path =
          pathPart === ''
            ? url
            : posix.resolve(posix.dirname(`${url}x`), pathPart.split('?')[0] ?? '');
        links.push({
          path: pathPart.endsWith('/') && !path.endsWith('/') ? `${path}/` : path,
          fragment: decodeURIComponent(fragment),
        });
      }
      visit(child);
    }
  };
  visit(tree);
  return { url, ids, links, boxes, boxesWithoutAlt };
}

/** One problem found in the built site, named by page. */
export interface SiteProblem {
  readonly page: string;
  readonly message: string;
}

/**
 * Checks the site's pages against each other: every internal link leads to a page or file of the
 * site, a link's `#fragment` to an id of that page, and no missing-image box lacks its alt text.
 * `exists` says whether a site path other than a page (a file) is in the build.
 */
export function checkBuiltPages(
  pages: readonly BuiltPage[],
  exists: (path: string) => boolean,
): SiteProblem[] {
  const byUrl = new Map(pages.map((page) => [page.url, page]));
  const problems: SiteProblem[] = [];
  for (const page of pages) {
    if (page.boxesWithoutAlt > 0) {
      problems.push({
        page: page.url,
        message: `${page.boxesWithoutAlt} missing-image box(es) without alt text`,
      });
    }
    for (const link of page.links) {
      const path = decodeURI(link.path);
      const target = byUrl.get(path.endsWith('/') ? path : `${path}/`) ?? byUrl.get(path);
      if (!target) {
        if (!exists(path))
          problems.push({ page: page.url, message: `link to ${link.path} leads nowhere` });
        continue;
      }
      if (link.fragment && !target.ids.has(link.fragment)) {
        problems.push({
          page: page.url,
          message: `link to ${link.path}#${link.fragment}: no such id there`,
        });
      }
    }
  }
  return problems;
}
