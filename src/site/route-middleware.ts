import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { getCollection } from 'astro:content';
import { endpointOrigin } from './content-security-policy.ts';
import { defaultLocale, siteLocales } from './locales.ts';

let publishedIds: Promise<Set<string>> | undefined;

/** Ids of every article file in every locale (`ja-jp/partner-center/…`), read once per build. */
function loadPublishedIds(): Promise<Set<string>> {
  publishedIds ??= getCollection('docs').then(
    (entries) => new Set(entries.map((entry) => entry.id)),
  );
  return publishedIds;
}

/**
 * Starlight announces every locale as an alternate of every page; search engines would then index
 * the English fallback pages as translations. Keep `hreflang` alternates only for the locales
 * that really have the page, plus `x-default`.
 */
export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  // A page whose task widget talks to its own endpoint (front matter `endpoint`, https only by
  // the schema) may connect there; every other page keeps the site-wide policy.
  const pageEndpoint = endpointOrigin(route.entry.data.endpoint);
  if (pageEndpoint) context.csp?.insertDirective(`connect-src ${pageEndpoint}`);
  const ids = await loadPublishedIds();
  // Pages that are not articles (the language index pages) exist in every locale.
  if (!ids.has(route.entry.id)) return;
  const articlePath = route.entry.id.replace(/^[^/]+\//, '');
  if (route.isFallback) {
    // An English page served under another locale is the English page for search engines: its
    // canonical is the English address, and it stays out of this locale's search index.
    const english = new URL(
      `/${defaultLocale.folder}/${articlePath}/`,
      context.site ?? context.url,
    );
    route.head = route.head.map((item) =>
      item.tag === 'link' && item.attrs?.rel === 'canonical'
        ? { ...item, attrs: { ...item.attrs, href: english.href } }
        : item,
    );
    route.entry = { ...route.entry, data: { ...route.entry.data, pagefind: false } };
  }
  const withPage = new Set<string>(
    siteLocales
      .filter((locale) => ids.has(`${locale.folder}/${articlePath}`))
      .map((locale) => locale.lang),
  );
  route.head = route.head.filter(
    (item) =>
      !(
        item.tag === 'link' &&
        item.attrs?.rel === 'alternate' &&
        typeof item.attrs.hreflang === 'string'
      ) ||
      item.attrs.hreflang === 'x-default' ||
      withPage.has(item.attrs.hreflang),
  );
});
