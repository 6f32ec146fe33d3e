import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Segment } from '../../article/segments-schema.ts';
import { compactText, segmentPlainText } from './segment-text.ts';

/** Elements that hold a paragraph's worth of text: what a reader asks the original of. */
const textBlocks = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'td',
  'th',
  'dt',
  'dd',
  'figcaption',
  'caption',
  'summary',
]);

/** Elements that make a list item or cell a container of blocks rather than a block itself. */
const blockContainers = new Set([
  ...textBlocks,
  'ul',
  'ol',
  'dl',
  'table',
  'div',
  'aside',
  'pre',
  'blockquote',
  'details',
  'figure',
]);

/** The text of a hast node, as `textContent` would give it. */
export function textOf(node: Root | RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => textOf(child)).join('');
  return '';
}

function isTextBlock(node: Element): boolean {
  if (!textBlocks.has(node.tagName)) return false;
  return !node.children.some(
    (child) => child.type === 'element' && blockContainers.has(child.tagName),
  );
}

/**
 * Gives each text block of a translated article (a paragraph, list item, heading, cell…) the ids of
 * the sidecar segments it is made of, in `data-segment` (space-separated), so the page can show a
 * block's English original without the sxs markup.
 *
 * Why blocks and not sentences: the importer's Markdown has no sentence markers, and a sentence
 * cannot be cut out of rendered HTML reliably (links and emphasis cross sentence edges). A block
 * is matched only when its whole text is exactly its segments' translations one after another
 * (spaces ignored), taken in sidecar order from where the previous block ended; a block that a
 * translator reworded, or text the site added, is left unmarked rather than given a wrong
 * original. Returns the ids placed, in page order.
 */
export function markSegmentBlocks(tree: Root, segments: readonly Segment[]): string[] {
  const targets = segments.map((segment) => compactText(segmentPlainText(segment.target)));
  const placed: string[] = [];
  let next = 0;
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (!isTextBlock(child)) {
        visit(child);
        continue;
      }
      const text = compactText(textOf(child));
      if (text === '') continue;
      const ids = matchBlock(text, next);
      if (!ids) continue;
      child.properties = {
        ...child.properties,
        dataSegment: ids.map((i) => segments[i]?.id).join(' '),
      };
      placed.push(...ids.map((i) => segments[i]?.id ?? ''));
      next = (ids.at(-1) ?? next) + 1;
    }
  };
  /** Indexes of consecutive segments, starting at or after `from`, whose texts make up `text`. */
  const matchBlock = (text: string, from: number): number[] | undefined => {
    for (let start = from; start < targets.length; start += 1) {
      const ids: number[] = [];
      let rest = text;
      let index = start;
      while (rest !== '' && index < targets.length) {
        const target = targets[index] ?? '';
        if (target === '' || !rest.startsWith(target)) break;
        ids.push(index);
        rest = rest.slice(target.length);
        index += 1;
      }
      if (rest === '' && ids.length > 0) return ids;
    }
    return undefined;
  };
  visit(tree);
  return placed;
}
