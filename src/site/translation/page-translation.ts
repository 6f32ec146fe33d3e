import { existsSync, readFileSync } from 'node:fs';
import { SegmentsFileSchema, type Segment } from '../../article/segments-schema.ts';
import { contentDirs } from '../content-dirs.ts';
import { defaultLocale, localeByFolder } from '../locales.ts';
import { outdatedSegments, type OutdatedSegment } from './outdated-segments.ts';

/** What the site knows about a translated article beyond its Markdown. */
export interface PageTranslation {
  /** The importer's alignment of the article (`x.segments.json`), in document order. */
  readonly segments: readonly Segment[];
  /** Segments whose English source changed since translation, with the English page's current text. */
  readonly outdated: readonly OutdatedSegment[];
  /** Path of the English page, from the project root. */
  readonly englishFile: string;
}

const cache = new Map<string, PageTranslation | undefined>();

/**
 * The alignment and outdated segments of the article at `filePath` (`content/ja-jp/…/x.md`, as
 * Astro's `entry.filePath` gives it), or `undefined` for an English page, a page without a sidecar
 * or one whose English page is missing. Read once per build and page.
 */
export function pageTranslation(filePath: string | undefined): PageTranslation | undefined {
  if (!filePath) return undefined;
  if (cache.has(filePath)) return cache.get(filePath);
  const result = readPageTranslation(filePath);
  cache.set(filePath, result);
  return result;
}

function readPageTranslation(filePath: string): PageTranslation | undefined {
  const dir = contentDirs().find((candidate) => filePath.startsWith(`${candidate}/`));
  if (!dir) return undefined;
  const [folder, ...rest] = filePath.slice(dir.length + 1).split('/');
  if (!folder || folder === defaultLocale.folder || !localeByFolder(folder)) return undefined;
  const sidecar = filePath.replace(/\.md$/i, '.segments.json');
  if (!existsSync(sidecar)) return undefined;
  const englishFile = [dir, ...contentDirs()]
    .map((candidate) => `${candidate}/${defaultLocale.folder}/${rest.join('/')}`)
    .find((candidate) => existsSync(candidate));
  if (!englishFile) return undefined;
  const parsed = SegmentsFileSchema.safeParse(JSON.parse(readFileSync(sidecar, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${sidecar}: not a segments sidecar: ${parsed.error.message}`);
  }
  const { segments } = parsed.data;
  return {
    segments,
    outdated: outdatedSegments(segments, readFileSync(englishFile, 'utf8')),
    englishFile,
  };
}
