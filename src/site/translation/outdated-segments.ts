import { createHash } from 'node:crypto';
import type { Segment } from '../../article/segments-schema.ts';

/** A translated segment whose English source is no longer in the English page. */
export interface OutdatedSegment {
  /** The segment's id in the sidecar. */
  readonly id: string;
  /** The English page's text now in the place of the segment's source; empty when it was removed. */
  readonly currentSource: string;
}

/** The sidecar's hash of a segment source: the first 16 hex characters of its SHA-256. */
export function sourceHashOf(source: string): string {
  return createHash('sha256').update(source).digest('hex').slice(0, 16);
}

/** Markdown block syntax at the start of a line: headings, list markers, quotes, anchors. */
const blockSyntax =
  /^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)*(?:<a\s+name=["'][^"']*["']\s*\/?>\s*<\/a>\s*)?/i;

/**
 * Which segments of a translation are outdated, comparing per segment: a segment is outdated when
 * its English source at translation time (the sidecar's `source`, checked against its
 * `sourceHash`) no longer occurs, in order, in the current English page `englishMarkdown`.
 *
 * The current English of an outdated segment is what the English page now has between the
 * unchanged segments around it (found in order, so a repeated phrase anchors at the right place),
 * on the line nearest to the segment: a changed sentence keeps its neighbours, and a sentence
 * that starts or ends a paragraph is cut at the paragraph's edge. A sidecar whose hash does not
 * match its source was edited by hand and counts as outdated too, so it is never trusted silently.
 *
 * Shared by the site (the reader's view) and translator tools (status reports).
 */
export function outdatedSegments(
  segments: readonly Segment[],
  englishMarkdown: string,
): OutdatedSegment[] {
  const english = englishMarkdown.replace(/\r\n?/g, '\n');
  // Where each still-current segment sits in the English page, searched in document order.
  const found: (readonly [start: number, end: number] | undefined)[] = [];
  let cursor = 0;
  for (const segment of segments) {
    const trusted = sourceHashOf(segment.source) === segment.sourceHash;
    const at =
      trusted && segment.source.trim() !== '' ? english.indexOf(segment.source, cursor) : -1;
    if (at === -1) {
      found.push(undefined);
    } else {
      found.push([at, at + segment.source.length]);
      cursor = at + segment.source.length;
    }
  }
  const outdated: OutdatedSegment[] = [];
  let index = 0;
  while (index < segments.length) {
    if (found[index]) {
      index += 1;
      continue;
    }
    // A run of outdated segments between two current ones (or the page's edges).
    let end = index;
    while (end < segments.length && !found[end]) end += 1;
    const from = found[index - 1]?.[1] ?? 0;
    const to = found[end]?.[0] ?? english.length;
    const lines = english
      .slice(from, to)
      .split('\n')
      .map((line) => line.replace(blockSyntax, '').trim())
      .filter((line) => line !== '' && !/^-{3,}$/.test(line));
    for (let run = index; run < end; run += 1) {
      const segment = segments[run];
      if (!segment) continue;
      // One line per changed segment when the counts agree; otherwise the whole changed text
      // goes with the first segment of the run, so no current English is lost.
      const currentSource =
        lines.length === end - index
          ? (lines[run - index] ?? '')
          : run === index
            ? lines.join(' ')
            : '';
      outdated.push({ id: segment.id, currentSource });
    }
    index = end;
  }
  return outdated;
}
