import type { SegmentsFile } from '../article/segments-schema.ts';
import { alignSegments, stretchText } from '../translators/segment-alignment.ts';
import type { ImportWarning } from './import-error.ts';

/** The page and sidecar a re-import writes, and what it did with a person's edits. */
export interface MergedImport {
  readonly page: string;
  readonly sidecar: SegmentsFile;
  readonly warnings: ImportWarning[];
}

/** The page as it is now, and the sidecar the last import wrote beside it. */
export interface ExistingTranslation {
  readonly path: string;
  readonly page: string;
  readonly sidecar: SegmentsFile;
}

/** One run of changed segments of the existing page, between two unchanged ones. */
interface EditedStretch {
  readonly ids: string[];
  readonly start: number;
  readonly end: number;
  /** The unchanged segments around it, which place it in the re-imported page. */
  readonly before?: string | undefined;
  readonly after?: string | undefined;
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/**
 * Keeps what a person changed in a translated page since the last import. A segment whose text
 * the page no longer has (as the sidecar recorded it) was edited by hand: its stretch of the page
 * is carried into the re-imported page, between the same unchanged neighbours, and reported with
 * what the source offers instead. `force` takes the source's text, and reports what it replaced.
 * A kept segment's sidecar target stays the source's, so the next import finds the edit again.
 */
export function keepHandEdits(
  existing: ExistingTranslation,
  page: string,
  sidecar: SegmentsFile,
  force: boolean,
): MergedImport {
  const old = existing.sidecar.segments;
  const places = alignSegments(
    existing.page,
    old.map((segment) => segment.target),
  );
  const stretches: EditedStretch[] = [];
  places.forEach((place, index) => {
    if (place.kind === 'found') return;
    const id = old[index]?.id ?? '';
    const last = stretches.at(-1);
    if (last && last.start === place.start && last.end === place.end) {
      last.ids.push(id);
      return;
    }
    const before = old.slice(0, index).findLast((_, at) => places[at]?.kind === 'found')?.id;
    const after = old
      .slice(index + 1)
      .find((_, at) => places[index + 1 + at]?.kind === 'found')?.id;
    stretches.push({ ids: [id], start: place.start, end: place.end, before, after });
  });
  if (stretches.length === 0) return { page, sidecar, warnings: [] };

  const fresh = sidecar.segments;
  const freshPlaces = alignSegments(
    page,
    fresh.map((segment) => segment.target),
  );
  const freshEdge = (id: string | undefined, edge: 'start' | 'end'): number | undefined => {
    if (id === undefined) return edge === 'end' ? 0 : page.length;
    const place = freshPlaces[fresh.findIndex((segment) => segment.id === id)];
    return place?.kind === 'found' ? place[edge] : undefined;
  };
  const offered = (id: string) => fresh.find((segment) => segment.id === id)?.target ?? '';

  const warnings: ImportWarning[] = [];
  const replacements: { start: number; end: number; text: string; ids: string[] }[] = [];
  for (const stretch of stretches) {
    const mine = existing.page.slice(stretch.start, stretch.end);
    const start = freshEdge(stretch.before, 'end');
    const end = freshEdge(stretch.after, 'start');
    const theirs = start !== undefined && end !== undefined ? page.slice(start, end) : undefined;
    if (
      theirs !== undefined &&
      stretchText(mine, 0, mine.length) === stretchText(theirs, 0, theirs.length)
    )
      continue;
    const line = lineAt(existing.page, stretch.start + (/^\s*/.exec(mine)?.[0].length ?? 0));
    const segments = stretch.ids.join(', ');
    const offers = stretch.ids.map((id) => offered(id)).join(' ');
    const text = stretchText(mine, 0, mine.length);
    if (force) {
      warnings.push({
        kind: 'hand-edit-replaced',
        file: existing.path,
        line,
        message: `--force replaced a hand edit of segment ${segments}, which read: ${text}`,
      });
      continue;
    }
    if (start === undefined || end === undefined || start > end) {
      throw new Error(
        `${existing.path}:${line}: segment ${segments} was edited by hand, and the source moved the sentences around it, so the edit has no place in the new page; copy it (${text}) and re-import with --force, or leave the page as it is`,
      );
    }
    replacements.push({ start, end, text: mine, ids: stretch.ids });
    warnings.push({
      kind: 'hand-edit-kept',
      file: existing.path,
      line,
      message: `kept a hand edit of segment ${segments}; the source offers: ${offers}`,
    });
  }
  let merged = page;
  for (const replacement of replacements.sort((a, b) => b.start - a.start)) {
    merged = merged.slice(0, replacement.start) + replacement.text + merged.slice(replacement.end);
  }
  return { page: merged, sidecar, warnings };
}

/** The `description:` line of a page's front matter, and its 1-based line number. */
function descriptionLine(page: string): { text: string; line: number } | undefined {
  const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(page)?.[1] ?? '';
  const lines = frontmatter.split('\n');
  const index = lines.findIndex((line) => line.startsWith('description:'));
  const text = lines[index];
  // A description folded over several lines is left to the import (no hand edit seen there).
  if (index === -1 || text === undefined || /^\s/.test(lines[index + 1] ?? '')) return undefined;
  return { text, line: index + 2 };
}

/**
 * Keeps the page's own `description` when it differs from the source's: it is translated text
 * but not a segment, so whether a person or the source changed it cannot be told, and it is kept
 * and reported (`force` takes the source's, and reports what it replaced).
 */
export function keepDescription(
  existing: { readonly path: string; readonly page: string },
  page: string,
  force: boolean,
): { page: string; warnings: ImportWarning[] } {
  const mine = descriptionLine(existing.page);
  const theirs = descriptionLine(page);
  if (!mine || !theirs || mine.text === theirs.text) return { page, warnings: [] };
  const offered = theirs.text.slice('description:'.length).trim();
  const kept = mine.text.slice('description:'.length).trim();
  if (force) {
    return {
      page,
      warnings: [
        {
          kind: 'hand-edit-replaced',
          file: existing.path,
          line: mine.line,
          message: `--force replaced the page's description, which read: ${kept}`,
        },
      ],
    };
  }
  return {
    page: page.replace(theirs.text, () => mine.text),
    warnings: [
      {
        kind: 'hand-edit-kept',
        file: existing.path,
        line: mine.line,
        message: `kept the page's description; the source offers: ${offered}`,
      },
    ],
  };
}
