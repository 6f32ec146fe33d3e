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

/** Most segments one block is aligned with in a paragraph a translator edited. */
const maxSegmentsPerEditedBlock = 8;

/** A text block of the page and its text without spaces. */
interface TextBlock {
  readonly node: Element;
  readonly text: string;
}

/**
 * Gives each text block of a translated article (a paragraph, list item, heading, cell…) the ids of
 * the sidecar segments it is made of, in `data-segment` (space-separated), so the page can show a
 * block's English original without the sxs markup. Returns the ids placed, in page order.
 *
 * Why blocks and not sentences: the importer's Markdown has no sentence markers, and a sentence
 * cannot be cut out of rendered HTML reliably (links and emphasis cross sentence edges).
 *
 * First, a block is matched when its whole text is exactly its segments' translations one after
 * another (spaces ignored), taken in sidecar order from where the previous block ended. Then the
 * blocks left between two matched ones are the paragraphs a translator edited (or text the site or
 * a translator added): they are aligned, in order, with the segments left between the same two
 * matches ({@link alignEditedBlocks}), and an aligned block is marked `data-segment-edited`. A
 * block that resembles none of those segments stays unmarked rather than get a wrong original.
 */
export function markSegmentBlocks(tree: Root, segments: readonly Segment[]): string[] {
  const targets = segments.map((segment) => compactText(segmentPlainText(segment.target)));
  const blocks = textBlocksOf(tree);
  const exact = matchExactly(blocks, targets);
  const edited = new Set<number>();
  let block = 0;
  while (block < blocks.length) {
    if (exact[block]) {
      block += 1;
      continue;
    }
    const gapStart = block;
    while (block < blocks.length && !exact[block]) block += 1;
    const before =
      exact
        .slice(0, gapStart)
        .findLast((ids) => ids !== undefined)
        ?.at(-1) ?? -1;
    const after = exact.slice(block).find((ids) => ids !== undefined)?.[0] ?? targets.length;
    const gapSegments = range(before + 1, after);
    const aligned = alignEditedBlocks(
      blocks.slice(gapStart, block).map((candidate) => candidate.text),
      gapSegments.map((index) => targets[index] ?? ''),
    );
    aligned.forEach((ids, offset) => {
      if (!ids) return;
      exact[gapStart + offset] = ids.map((index) => gapSegments[index] ?? -1);
      edited.add(gapStart + offset);
    });
  }
  const placed: string[] = [];
  exact.forEach((ids, index) => {
    const node = blocks[index]?.node;
    if (!ids || !node) return;
    const segmentIds = ids.map((i) => segments[i]?.id ?? '');
    node.properties = {
      ...node.properties,
      dataSegment: segmentIds.join(' '),
      ...(edited.has(index) ? { dataSegmentEdited: '' } : {}),
    };
    placed.push(...segmentIds);
  });
  return placed;
}

/** The non-empty text blocks of a tree, in page order. */
function textBlocksOf(tree: Root): TextBlock[] {
  const blocks: TextBlock[] = [];
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (!isTextBlock(child)) {
        visit(child);
        continue;
      }
      const text = compactText(textOf(child));
      if (text !== '') blocks.push({ node: child, text });
    }
  };
  visit(tree);
  return blocks;
}

/** For each block, the indexes of the consecutive segments whose texts make it up exactly. */
function matchExactly(
  blocks: readonly TextBlock[],
  targets: readonly string[],
): (number[] | undefined)[] {
  let next = 0;
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
  return blocks.map((block) => {
    const ids = matchBlock(block.text, next);
    if (ids) next = (ids.at(-1) ?? next) + 1;
    return ids;
  });
}

/**
 * Aligns edited blocks with the segments they were translated from, keeping both in order: each
 * block gets a run of consecutive segments or none, and a segment goes to one block or none (a
 * sentence the translator deleted). The alignment chosen is the one with the most text in common
 * (character pairs, which suit Japanese and Chinese as well as English), where a block counts
 * only if more than half of its and its segments' character pairs are shared; so a reworded
 * sentence still finds its original and an added one finds none. Returns, per block, indexes
 * into `targets`.
 *
 * Written here rather than taken from a diff library: those align characters or lines of two
 * texts, and this aligns two lists of different things (blocks with runs of sentences).
 */
export function alignEditedBlocks(
  blocks: readonly string[],
  targets: readonly string[],
): (number[] | undefined)[] {
  const rows = blocks.length + 1;
  const columns = targets.length + 1;
  // best[i][j]: the best score for the first i blocks and the first j segments.
  const best = Array.from({ length: rows }, () => new Array<number>(columns).fill(-Infinity));
  const step = Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
  const row0 = best[0];
  if (row0) row0[0] = 0;
  for (let i = 0; i < rows; i += 1) {
    for (let j = 0; j < columns; j += 1) {
      const here = best[i]?.[j] ?? -Infinity;
      if (here === -Infinity) continue;
      const offer = (toI: number, toJ: number, score: number, taken: number) => {
        const row = best[toI];
        const stepRow = step[toI];
        if (!row || !stepRow || here + score <= (row[toJ] ?? -Infinity)) return;
        row[toJ] = here + score;
        stepRow[toJ] = taken;
      };
      // -1: this block has no segment; 0: this segment has no block; n: block i takes n segments.
      if (i < blocks.length) offer(i + 1, j, 0, -1);
      if (j < targets.length) offer(i, j + 1, 0, 0);
      if (i >= blocks.length) continue;
      for (let taken = 1; taken <= maxSegmentsPerEditedBlock && j + taken < columns; taken += 1) {
        const score = likeness(blocks[i] ?? '', targets.slice(j, j + taken).join(''));
        if (score > 0) offer(i + 1, j + taken, score, taken);
      }
    }
  }
  const aligned: (number[] | undefined)[] = blocks.map(() => undefined);
  let i = blocks.length;
  let j = targets.length;
  while (i > 0 || j > 0) {
    const taken = step[i]?.[j] ?? 0;
    if (taken === 0) j -= 1;
    else if (taken === -1) i -= 1;
    else {
      aligned[i - 1] = range(j - taken, j);
      i -= 1;
      j -= taken;
    }
  }
  return aligned;
}

/**
 * How alike two texts are: the character pairs they share minus those they do not, positive when
 * more than half are shared (a Dice coefficient above 0.5), weighted by length so that a long
 * paragraph outweighs a short heading.
 */
function likeness(a: string, b: string): number {
  const pairsOfA = pairs(a);
  const pairsOfB = pairs(b);
  const counts = new Map<string, number>();
  for (const pair of pairsOfA) counts.set(pair, (counts.get(pair) ?? 0) + 1);
  let shared = 0;
  for (const pair of pairsOfB) {
    const count = counts.get(pair) ?? 0;
    if (count === 0) continue;
    counts.set(pair, count - 1);
    shared += 1;
  }
  const total = pairsOfA.length + pairsOfB.length;
  return 2 * shared - (total - 2 * shared);
}

/** The overlapping character pairs of a text (its one character, if that is all it has). */
function pairs(text: string): string[] {
  const characters = [...text];
  if (characters.length < 2) return characters;
  return characters.slice(1).map((character, index) => `${characters[index]}${character}`);
}

/** The integers from `from` up to, not including, `to`. */
function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, index) => from + index);
}
