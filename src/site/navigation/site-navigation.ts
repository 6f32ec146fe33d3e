import { slug } from 'github-slugger';
import { publicArticleUrl, type SiteLocale } from '../locales.ts';
import type { TocEntry } from './toc.ts';

/** An article's title as a reader of one locale sees it. */
export interface ArticleTitle {
  readonly title: string;
  /** The title's language: the locale's own, or English for an untranslated article. */
  readonly lang: string;
}

/** One entry of the site's navigation tree, resolved for one locale. */
export interface NavItem {
  /** The article's title in the reader's language (or the TOC's label for a group). */
  readonly label: string;
  readonly lang: string;
  /** Where the entry leads; groups without an article of their own lead to the home page's list. */
  readonly href?: string;
  /** True for an article the site does not publish: it leads to the public page. */
  readonly external: boolean;
  /** `partner-center/foo`: the site's article this entry is, if any. */
  readonly articlePath?: string;
  /** An id, unique in the tree, for the home page's section headings. */
  readonly id: string;
  readonly children: readonly NavItem[];
}

/** What resolving a TOC needs to know about the site. */
export interface NavigationInput {
  readonly locale: SiteLocale;
  /** The product folder the TOC belongs to (`partner-center`). */
  readonly product: string;
  readonly toc: readonly TocEntry[];
  /** Titles by article path in lower case (`partner-center/foo`), for this locale. */
  readonly titles: ReadonlyMap<string, ArticleTitle>;
  /** The TOC's own language (its group labels are in it). */
  readonly tocLang: string;
}

/** `Azure-expert-msp.md` in `partner-center` → `partner-center/azure-expert-msp`, the site's path. */
export function articlePathOfTarget(product: string, target: string): string {
  return [product, ...target.replace(/\.md$/i, '').split('/')]
    .map((segment) => slug(segment))
    .join('/');
}

/** The site's URL of an article path in a locale. */
export function articleHref(locale: SiteLocale, articlePath: string): string {
  return `/${locale.folder}/${articlePath}/`;
}

/**
 * Resolves a TOC tree for one locale: an entry linking to an article the site publishes leads to
 * it, labelled with the article's own title in the reader's language; `index.yml` leads to the
 * locale's home page; anything else (articles or tutorials not in this snapshot) leads to the
 * public page. A group without a link leads to its list on the home page when it is a section.
 */
export function resolveNavigation(input: NavigationInput): NavItem[] {
  const used = new Set<string>();
  const uniqueId = (text: string) => {
    const base = slug(text) || 'section';
    let id = base;
    for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
  const resolve = (entry: TocEntry, depth: number): NavItem => {
    const children = entry.children.map((child) => resolve(child, depth + 1));
    const fromToc = { label: entry.text, lang: input.tocLang };
    const id = uniqueId(entry.text);
    if (entry.target === undefined) {
      return {
        ...fromToc,
        id,
        external: false,
        children,
        ...(depth === 0 ? { href: `/${input.locale.folder}/#${id}` } : {}),
      };
    }
    if (/\.md$/i.test(entry.target)) {
      const articlePath = articlePathOfTarget(input.product, entry.target);
      const title = input.titles.get(articlePath);
      if (title) {
        return {
          label: title.title,
          lang: title.lang,
          href: articleHref(input.locale, articlePath),
          external: false,
          articlePath,
          id,
          children,
        };
      }
    }
    if (/^index\.yml$/i.test(entry.target)) {
      return { ...fromToc, href: `/${input.locale.folder}/`, external: false, id, children };
    }
    const publicPath = `${input.product}/${entry.target.replace(/\.(md|yml)$/i, '')}`;
    const href = publicArticleUrl(publicPath, input.locale);
    return { ...fromToc, ...(href ? { href } : {}), external: true, id, children };
  };
  return input.toc.map((entry) => resolve(entry, 0));
}

/** The entries from the top of the tree down to the article (both included), or [] if absent. */
export function trailTo(tree: readonly NavItem[], articlePath: string): NavItem[] {
  for (const item of tree) {
    if (item.articlePath === articlePath) return [item];
    const below = trailTo(item.children, articlePath);
    if (below.length > 0) return [item, ...below];
  }
  return [];
}
