// Each segment is written wrapped in these markers and counted where it ends up, so that a
// segment lost by any step shows up as a read/written mismatch instead of silently vanishing.
const MARK_OPEN = '\uE000';
const MARK_TEXT = '\uE001';
const MARK_CLOSE = '\uE002';

/** Segment `index` with its text, wrapped in the markers that `replaceMarkedSegments` finds. */
export function markSegment(index: string | number, text: string): string {
  return `${MARK_OPEN}${index}${MARK_TEXT}${text}${MARK_CLOSE}`;
}

/**
 * Replaces every marked segment (`markSegment`) of `text` with what `replace` returns for its
 * index and text. Segments do not nest; a scan with `indexOf`, so the time is linear.
 */
export function replaceMarkedSegments(
  text: string,
  replace: (index: string, segmentText: string) => string,
): string {
  let result = '';
  let position = 0;
  for (;;) {
    const open = text.indexOf(MARK_OPEN, position);
    if (open === -1) break;
    const textStart = text.indexOf(MARK_TEXT, open);
    const close = textStart === -1 ? -1 : text.indexOf(MARK_CLOSE, textStart);
    const index = text.slice(open + 1, textStart);
    if (close === -1 || !isDigits(index)) break;
    result += text.slice(position, open) + replace(index, text.slice(textStart + 1, close));
    position = close + 1;
  }
  return result + text.slice(position);
}

/** A marker taken out of a text: where it was (in the text without markers) and what it was. */
export interface Marker {
  /** Index in the text without markers of the character the marker stood before. */
  at: number;
  text: string;
}

/** The text without its segment markers, and the markers, so they can be put back after an edit. */
export function takeOutMarkers(text: string): { plain: string; markers: Marker[] } {
  const markers: Marker[] = [];
  let plain = '';
  let position = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === MARK_OPEN) {
      const textStart = text.indexOf(MARK_TEXT, index);
      if (textStart === -1) continue;
      plain += text.slice(position, index);
      markers.push({ at: plain.length, text: text.slice(index, textStart + 1) });
      index = textStart;
      position = index + 1;
    } else if (char === MARK_CLOSE) {
      plain += text.slice(position, index);
      markers.push({ at: plain.length, text: char });
      position = index + 1;
    }
  }
  return { plain: plain + text.slice(position), markers };
}

function isDigits(text: string): boolean {
  if (text === '') return false;
  for (const char of text) if (char < '0' || char > '9') return false;
  return true;
}

/** Where an offset of a text with markers falls: in segment `segment`, or in the text between. */
export type Location = { segment: number; newlines: number } | { line: number };

/**
 * Locates each offset (in ascending order) of a text with segment markers: inside a segment,
 * its index and the line breaks of the segment's text before the offset; outside, the 0-based
 * line of the text counted without the line breaks inside segments.
 */
export function locate(text: string, offsets: readonly number[]): Location[] {
  const locations: Location[] = [];
  let line = 0;
  let segment: { segment: number; newlines: number } | undefined;
  let position = 0;
  for (const offset of offsets) {
    while (position < offset && position < text.length) {
      const char = text[position];
      if (char === MARK_OPEN) {
        const textStart = text.indexOf(MARK_TEXT, position);
        segment = { segment: Number(text.slice(position + 1, textStart)), newlines: 0 };
        position = textStart;
      } else if (char === MARK_CLOSE) {
        segment = undefined;
      } else if (char === '\n') {
        if (segment) segment.newlines += 1;
        else line += 1;
      }
      position += 1;
    }
    locations.push(segment ? { ...segment } : { line });
  }
  return locations;
}
