import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Segment } from '../article/segments-schema.ts';
import { cjkTypographyTree } from './cjk-typography.ts';
import { sanitizeArticleTree } from './sanitize-article-html.ts';
import {
  annotateTranslationTree,
  type OutdatedLabels,
} from './translation/annotate-translation.ts';
import type { OutdatedSegment } from './translation/outdated-segments.ts';

/** What an article page does to its rendered Markdown, besides sanitizing it. */
export interface ArticleHtmlOptions {
  /** Japanese or Chinese typography (cjk-typography.ts). */
  readonly cjk: boolean;
  /** A translated article's segments, to annotate with their ids and outdated English. */
  readonly translation?: {
    readonly segments: readonly Segment[];
    readonly outdated: readonly OutdatedSegment[];
    readonly labels: OutdatedLabels;
  };
}

/**
 * An article's rendered HTML as the page shows it: sanitized first (only then, in trusted code,
 * CJK typography and the translation's segment ids and notes), parsed once and serialized once
 * for all three steps — a site of hundreds of articles otherwise parses every page three times.
 */
export function articleHtml(html: string, options: ArticleHtmlOptions): string {
  const tree = sanitizeArticleTree(fromHtml(html, { fragment: true }));
  if (options.cjk) cjkTypographyTree(tree);
  const { translation } = options;
  if (translation)
    annotateTranslationTree(tree, translation.segments, translation.outdated, translation.labels);
  return toHtml(tree);
}
