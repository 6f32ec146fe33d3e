import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Segment } from '../../article/segments-schema.ts';
import type { OutdatedSegment } from './outdated-segments.ts';
import { markSegmentBlocks } from './segment-blocks.ts';
import { segmentPlainText } from './segment-text.ts';

/** The page-language words around the current English of an outdated sentence. */
export interface OutdatedLabels {
  /** Introduces the current English, e.g. `英語で変更された内容:`. */
  readonly currentEnglish: string;
  /** Says a sentence is gone from the English page. */
  readonly removedInEnglish: string;
}

/** Blocks whose note goes inside them (a list item, a cell) rather than after them. */
const holdsNotes = new Set(['li', 'td', 'th', 'dd', 'dt']);

/**
 * Runs after the sanitizer, on its output, in trusted code: gives text blocks their segment ids
 * ({@link markSegmentBlocks}) and, under each block with an outdated segment, the current English
 * as text in `lang="en"`, marked as changed. Nothing from the sidecar or the English page becomes
 * markup: it is only ever a hast text node, escaped when serialized.
 */
export function annotateTranslation(
  html: string,
  segments: readonly Segment[],
  outdated: readonly OutdatedSegment[],
  labels: OutdatedLabels,
): string {
  const tree = fromHtml(html, { fragment: true });
  annotateTranslationTree(tree, segments, outdated, labels);
  return toHtml(tree);
}

/** {@link annotateTranslation} in place on a parsed fragment, for a pipeline that parses once. */
export function annotateTranslationTree(
  tree: Root,
  segments: readonly Segment[],
  outdated: readonly OutdatedSegment[],
  labels: OutdatedLabels,
): void {
  markSegmentBlocks(tree, segments);
  const byId = new Map(outdated.map((segment) => [segment.id, segment]));
  const visit = (parent: Root | Element) => {
    for (let index = 0; index < parent.children.length; index += 1) {
      const child = parent.children[index];
      if (child?.type !== 'element') continue;
      const ids = String(child.properties['dataSegment'] ?? '').split(' ');
      const changed = ids.flatMap((id) => byId.get(id) ?? []);
      if (changed.length === 0) {
        visit(child);
        continue;
      }
      child.properties = { ...child.properties, dataOutdated: '' };
      const note = outdatedNote(changed, labels);
      if (holdsNotes.has(child.tagName)) {
        child.children.push(note);
      } else {
        parent.children.splice(index + 1, 0, note);
        index += 1;
      }
    }
  };
  visit(tree);
  // A heading's note sits inside Starlight's heading wrapper; move it out, below the wrapper.
  liftNotesOutOfHeadingWrappers(tree);
}

function outdatedNote(changed: readonly OutdatedSegment[], labels: OutdatedLabels): Element {
  const current = changed
    .map((segment) => segmentPlainText(segment.currentSource))
    .filter((text) => text !== '')
    .join(' ');
  const children: ElementContent[] = [
    {
      type: 'element',
      tagName: 'span',
      properties: { className: ['segment-note__label'] },
      children: [
        { type: 'text', value: current ? labels.currentEnglish : labels.removedInEnglish },
      ],
    },
  ];
  if (current) {
    children.push(
      { type: 'text', value: ' ' },
      {
        type: 'element',
        tagName: 'span',
        properties: { lang: 'en' },
        children: [{ type: 'text', value: current }],
      },
    );
  }
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['segment-note', 'segment-note--outdated'], role: 'note' },
    children,
  };
}

function liftNotesOutOfHeadingWrappers(parent: Root | Element) {
  for (let index = 0; index < parent.children.length; index += 1) {
    const child = parent.children[index];
    if (child?.type !== 'element') continue;
    const classes = child.properties['className'];
    if (Array.isArray(classes) && classes.includes('sl-heading-wrapper')) {
      const notes = child.children.filter(
        (node) =>
          node.type === 'element' &&
          Array.isArray(node.properties['className']) &&
          node.properties['className'].includes('segment-note'),
      );
      child.children = child.children.filter((node) => !notes.includes(node));
      parent.children.splice(index + 1, 0, ...notes);
      index += notes.length;
    } else {
      liftNotesOutOfHeadingWrappers(child);
    }
  }
}
