/** Where one segment's text is in a page, or the stretch of page where it must have gone. */
export type SegmentPlace =
  | { readonly kind: 'found'; readonly start: number; readonly end: number }
  | {
      readonly kind: 'changed';
      /** Start and end of the page text between the nearest found segments around it. */
      readonly start: number;
      readonly end: number;
      /** How many changed segments share this stretch (1: the stretch is this segment's alone). */
      readonly shared: number;
    };

/** The forms a segment's text can take in a page: as written, or inside quoted YAML. */
function spellings(text: string): string[] {
  return [
    ...new Set([
      text,
      JSON.stringify(text).slice(1, -1),
      text.replaceAll("'", "''"),
      text.replaceAll('[', '\\[').replaceAll(']', '\\]'),
    ]),
  ];
}

/**
 * Finds each segment's text in `page`, in order: a segment found after the previous one is
 * unchanged; the others are changed, and each gets the stretch of page between its nearest
 * unchanged neighbours. The sidecar keeps no offsets (pages are edited by hand), so the
 * unchanged sentences around a change are what places it.
 */
export function alignSegments(page: string, texts: readonly string[]): SegmentPlace[] {
  const found: ({ start: number; end: number } | undefined)[] = [];
  let cursor = 0;
  for (const text of texts) {
    let hit: { start: number; end: number } | undefined;
    if (text.trim() !== '') {
      for (const spelling of spellings(text)) {
        const start = page.indexOf(spelling, cursor);
        if (start !== -1 && (hit === undefined || start < hit.start))
          hit = { start, end: start + spelling.length };
      }
    }
    found.push(hit);
    if (hit) cursor = hit.end;
  }
  const places: SegmentPlace[] = [];
  for (let index = 0; index < texts.length; index += 1) {
    const hit = found[index];
    if (hit) {
      places.push({ kind: 'found', ...hit });
      continue;
    }
    let before = index - 1;
    while (before >= 0 && !found[before]) before -= 1;
    let after = index + 1;
    while (after < texts.length && !found[after]) after += 1;
    places.push({
      kind: 'changed',
      start: before >= 0 ? (found[before]?.end ?? 0) : 0,
      end: after < texts.length ? (found[after]?.start ?? page.length) : page.length,
      shared: after - before - 1,
    });
  }
  return places;
}

/**
 * The text of a changed stretch without the Markdown around it: list numbers, heading marks,
 * heading anchors, front matter keys, quotes and the spaces between sentences.
 */
export function stretchText(page: string, start: number, end: number): string {
  // A stretch that crosses the end of the front matter holds a sentence on one side and only
  // front matter keys on the other: the sentence is after the fence when there is text there.
  const parts = page.slice(start, end).split(/^---$/m);
  const after = parts.at(-1) ?? '';
  return (after.trim() !== '' ? after : (parts[0] ?? ''))
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*([-*+>]\s+|\d+\.\s+|#+\s+|[\w.]+:\s*(?=\S))*/, '')
        .replace(/<a name="[^"]*"><\/a>/g, '')
        .replace(/^(['"])(.*)\1$/, '$2')
        .trim(),
    )
    .filter((line) => line !== '' && line !== '---')
    .join(' ')
    .trim();
}
