import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { pageTranslation } from '../../../site/translation/page-translation.ts';
import { segmentPlainText } from '../../../site/translation/segment-text.ts';

/**
 * One small JSON per translated article: every segment id with its English source as plain text
 * (`{ "c44b6-107": "In Partner Center, …" }`). The page fetches it only when a reader first asks
 * for an original, so the alignment costs nothing until then; it is shown with `textContent`.
 */
export const getStaticPaths = (async () => {
  const entries = await getCollection('docs');
  return entries.flatMap((entry) => {
    const translation = pageTranslation(entry.filePath);
    const [locale, ...article] = entry.id.split('/');
    if (!translation || !locale) return [];
    const originals = Object.fromEntries(
      translation.segments.map((segment) => [segment.id, segmentPlainText(segment.source)]),
    );
    return [{ params: { locale, article: article.join('/') }, props: { originals } }];
  });
}) satisfies GetStaticPaths;

/** Serves the originals of one article. */
export const GET: APIRoute<{ originals: Record<string, string> }> = ({ props }) =>
  new Response(JSON.stringify(props.originals), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
