import { createHash } from 'node:crypto';
import { ImportedFrontmatterSchema } from '../article/frontmatter-schema.ts';
import { SegmentsFileSchema, type SegmentsFile } from '../article/segments-schema.ts';
import { ImportError, type ImportWarning } from './import-error.ts';
import {
  formatFrontmatter,
  keyNotReadBack,
  splitFrontmatter,
  type FrontmatterEntries,
} from './frontmatter.ts';
import { repairEscapedBold, repairLinks } from './links.ts';
import { findImages, replaceImages } from './images.ts';
import { locate, markSegment, replaceMarkedSegments } from './marks.ts';
import { checkUrl } from './safe-url.ts';
import { sanitizeMarkdown } from './sanitize.ts';
import { isSiteOwnedKey } from './site-keys.ts';
import { restructure, toLabel, unbold, type ArticleStructure } from './structure.ts';
import { hasSegmentToken, parseSxsBody, SEGMENT_TOKEN } from './sxs.ts';

/** Everything one sxs file becomes. */
export interface ImportedArticle {
  /** Locale of the translation, e.g. `ja-JP`. */
  locale: string;
  /** Folder of the translation under the content folder, e.g. `ja-jp`. */
  localeFolder: string;
  /** 1-based line of `ms.contentlocale` in the source. */
  localeLine: number;
  translated: string;
  english: string;
  /** Which revision of the English the translation was made from, as its front matter says. */
  englishRevision: EnglishRevision;
  sidecar: SegmentsFile;
  warnings: ImportWarning[];
  segmentsRead: number;
  /** Segments found in the translated page (title, heading, appliesTo, roles, body). */
  segmentsWritten: number;
}

/** The English revision a translation was made from. */
export interface EnglishRevision {
  /** `ms.sourcegitcommit`: the commit of the English article. */
  commit: string;
  /** `ms.lasthandoff` as `YYYY-MM-DD`: when that English was handed to translation, or ''. */
  handedOff: string;
}

/** What the importer needs to know about the file beyond its text. */
export interface ArticleOptions {
  /** Path of the input relative to the working directory, stored in the sidecar. */
  sourcePath: string;
  /** Whether an image path, relative to the input file, exists. */
  imageExists: (relativePath: string) => boolean;
}

/** Keys of the English page besides title, appliesTo and roles, in the source's order. */
const LANGUAGE_NEUTRAL_KEYS = new Set([
  'ms.topic',
  'ms.date',
  'ms.service',
  'ms.subservice',
  'ms.assetid',
  'author',
  'ms.author',
  'ms.localizationpriority',
  'ms.custom',
  'ms.sourcegitcommit',
  'ms.contentlocale',
]);
const NORMALIZED_KEYS: Record<string, string> = {
  Description: 'description',
  Keywords: 'keywords',
};
const FENCE = /^\s*(```+|~~~+)/;

/**
 * Turns one side-by-side translated article into a clean translated page, the English page
 * rebuilt from the source spans, and the segments sidecar. Throws ImportError on bad input.
 */
export function importSxsArticle(text: string, options: ArticleOptions): ImportedArticle {
  const normalized = text.replace(/^\uFEFF/, '').replaceAll('\r\n', '\n');
  const source = splitFrontmatter(normalized);
  const { body, bodyLine } = source;
  const keyLines = normalizedKeyLines(source.keyLines);
  const warnings: ImportWarning[] = [];
  const entries = source.entries.filter(([key]) => {
    if (!isSiteOwnedKey(key)) return true;
    warnings.push({
      kind: 'site-owned-key',
      line: source.keyLines.get(key) ?? 1,
      message: `front matter key ${key} belongs to the site, not to a source file: dropped`,
    });
    return false;
  });
  const localeLine = keyLines.get('ms.contentlocale') ?? 1;
  const locale = entries.find(([key]) => key === 'ms.contentlocale')?.[1];
  if (typeof locale !== 'string' || locale.trim() === '') {
    throw new ImportError(
      localeLine,
      'no ms.contentlocale in the front matter: cannot tell the language of the translation',
    );
  }
  const sxs = parseSxsBody(body, bodyLine);
  const definitions = linkDefinitions(sxs.lines);
  const targets: string[] = [];
  const sources: string[] = [];
  const inHtml = segmentsInHtmlBlocks(sxs.lines);
  for (const [index, segment] of sxs.segments.entries()) {
    const links = repairLinks(
      segment.target,
      segment.source,
      definitions,
      inHtml.has(index) ? 'html' : 'markdown',
    );
    if (links.problem)
      warnings.push({ kind: 'unpaired-links', line: segment.line, message: links.problem });
    targets.push(repairEscapedBold(links.target, segment.source));
    sources.push(links.source);
  }
  const structure = restructure(
    sxs.lines,
    sxs.lineNumbers,
    sxs.segments.map((segment) => segment.source),
  );
  for (const index of structure.headingSegments) {
    targets[index] = unbold(targets[index] ?? '');
    sources[index] = unbold(sources[index] ?? '');
  }
  // In the source a line began with `<span>`, so spaces inside the span were not indentation;
  // without the span they would be, and could turn a paragraph into a code block.
  for (const line of structure.lines) {
    const first = /^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?\uE003(\d+)\uE004/.exec(line);
    if (!first) continue;
    const index = Number(first[1]);
    targets[index] = (targets[index] ?? '').trimStart();
    sources[index] = (sources[index] ?? '').trimStart();
  }
  for (const index of structure.labelSegments) {
    targets[index] = toLabel(targets[index] ?? '');
    sources[index] = toLabel(sources[index] ?? '');
  }
  warnings.push(...missingImages(structure, targets, options.imageExists));

  const segmentLines = sxs.segments.map((segment) => segment.line);
  const translatedPage = renderPage(structure, targets, false, segmentLines);
  const englishPage = renderPage(structure, sources, true, segmentLines);
  warnings.push(...uniqueWarnings([...translatedPage.warnings, ...englishPage.warnings]));
  const translatedTitle = cleanTitle(entries, translatedPage.h1, keyLines.get('title') ?? 1);
  const translatedEntries = translatedFrontmatter(entries, translatedTitle, translatedPage);
  const englishEntries = englishFrontmatter(entries, englishPage);

  const written = unmark([translatedEntries, translatedPage.body]);
  const writtenEnglish = unmark([englishEntries, englishPage.body]);
  for (const [side, found] of [
    ['translated', written.texts],
    ['English', writtenEnglish.texts],
  ] as const) {
    const lost = sxs.segments.filter((_, index) => !found.has(index));
    if (lost.length > 0) {
      const first = lost[0];
      throw new ImportError(
        first?.line ?? 1,
        `${lost.length} segment(s) did not make it into the ${side} page: ${lost.map((segment) => segment.id).join(', ')}`,
      );
    }
  }

  const translated = writePage(written.entries, written.body, keyLines);
  const english = writePage(writtenEnglish.entries, writtenEnglish.body, keyLines);
  const sidecar = SegmentsFileSchema.parse({
    format: 1,
    locale,
    source: options.sourcePath,
    sourceCommit: String(entries.find(([key]) => key === 'ms.sourcegitcommit')?.[1] ?? ''),
    segments: sxs.segments.map((segment, index) => {
      const source = writtenEnglish.texts.get(index) ?? '';
      return {
        id: segment.id,
        source,
        target: written.texts.get(index) ?? '',
        sourceHash: sourceHash(source),
      };
    }),
  });
  return {
    locale,
    localeFolder: localeFolder(locale),
    localeLine,
    translated,
    english,
    englishRevision: {
      commit: sidecar.sourceCommit,
      handedOff: isoDate(entries.find(([key]) => key === 'ms.lasthandoff')?.[1]),
    },
    sidecar,
    warnings: warnings.sort((a, b) => a.line - b.line),
    segmentsRead: sxs.segments.length,
    segmentsWritten: written.texts.size,
  };
}

/** `05/04/2020` (Microsoft's month/day/year) → `2020-05-04`; anything else → ''. */
function isoDate(value: unknown): string {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(String(value ?? '').trim());
  if (!match) return '';
  const [, month, day, year] = match;
  return `${year}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}`;
}

/** The content folder of a locale: `ja-JP` → `ja-jp`, any English → `en`. */
export function localeFolder(locale: string): string {
  const folder = locale.toLowerCase();
  return folder === 'en' || folder.startsWith('en-') ? 'en' : folder;
}

/** First 16 hex characters of the SHA-256 of an English segment. */
export function sourceHash(source: string): string {
  return createHash('sha256').update(source).digest('hex').slice(0, 16);
}

interface RenderedPage {
  h1?: string;
  appliesTo?: string[];
  appliesToLabel?: string;
  roles?: string[];
  rolesLabel?: string;
  body: string;
  /** What the body had of markup that may not be published, and was removed or escaped. */
  warnings: ImportWarning[];
}

/**
 * The page's body with each segment's text in place, reduced to what may be published. Every
 * line goes through the sanitizer, the lines between spans as much as the spans' text.
 */
function renderPage(
  structure: ArticleStructure,
  texts: readonly string[],
  english: boolean,
  segmentLines: readonly number[],
): RenderedPage {
  const fill = (line: string): string =>
    line.replace(SEGMENT_TOKEN, (_token, index: string) =>
      markSegment(index, texts[Number(index)] ?? ''),
    );
  const lines: string[] = [];
  const lineNumbers: number[] = [];
  let fence: string | undefined;
  structure.lines.forEach((line, index) => {
    lineNumbers.push(structure.lineNumbers[index] ?? 0);
    const fenceMatch = FENCE.exec(line);
    if (fence !== undefined) {
      if (fenceMatch?.[1]?.startsWith(fence)) fence = undefined;
      lines.push(fill(line));
      return;
    }
    if (fenceMatch) fence = fenceMatch[1]?.slice(0, 3);
    // Image alt texts sit outside the spans, so only the translation has them. A path made of a
    // span's text gives no alt: repeating its segment would write the segment twice.
    const skeleton = english
      ? replaceImages(line, (image) => {
          const alt = hasSegmentToken(image.path) ? '' : altFromPath(image.path);
          return `![${alt}](${image.path}${image.rest})`;
        })
      : line;
    lines.push(fill(skeleton));
  });
  while (lines.length > 0 && (lines[0] ?? '').trim() === '') {
    lines.shift();
    lineNumbers.shift();
  }
  while (lines.length > 0 && (lines.at(-1) ?? '').trim() === '') lines.pop();
  const filled = lines.join('\n');
  const sanitized = sanitizeMarkdown(filled);
  const places = locate(
    filled,
    sanitized.changes.map((change) => change.offset),
  );
  // What the sanitizer removed can leave blank lines at either end.
  const body = withoutBlankEnds(sanitized.text);
  const page: RenderedPage = {
    body: body === '' ? '' : `${body}\n`,
    warnings: sanitized.changes.map((change, index) => {
      const place = places[index] ?? { line: 0 };
      const line =
        'segment' in place
          ? (segmentLines[place.segment] ?? 0) + place.newlines
          : knownLine(lineNumbers, place.line);
      return { kind: 'unsafe-markup', line, message: change.message };
    }),
  };
  if (structure.h1 !== undefined) page.h1 = fill(structure.h1);
  if (structure.appliesTo) page.appliesTo = structure.appliesTo.map(fill);
  if (structure.appliesToLabel !== undefined) page.appliesToLabel = fill(structure.appliesToLabel);
  if (structure.roles) page.roles = structure.roles.map(fill);
  if (structure.rolesLabel !== undefined) page.rolesLabel = fill(structure.rolesLabel);
  return page;
}

/** `text` without the blank lines at its start and end. */
function withoutBlankEnds(text: string): string {
  const lines = text.split('\n');
  while (lines.length > 0 && (lines[0] ?? '').trim() === '') lines.shift();
  while (lines.length > 0 && (lines.at(-1) ?? '').trim() === '') lines.pop();
  return lines.join('\n');
}

/** The input line of a body line, or of the nearest line above it for lines the importer added. */
function knownLine(lineNumbers: readonly number[], index: number): number {
  for (let at = Math.min(index, lineNumbers.length - 1); at >= 0; at -= 1) {
    const line = lineNumbers[at] ?? 0;
    if (line > 0) return line;
  }
  return 1;
}

/** The warnings without repeats: markup between spans is found in both pages. */
function uniqueWarnings(warnings: readonly ImportWarning[]): ImportWarning[] {
  const seen = new Set<string>();
  return warnings.filter((warning) => {
    const key = `${warning.line}\u0000${warning.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `images/pci/roles-overview.png` → `roles overview`: better than a translated alt on an English page. */
function altFromPath(path: string): string {
  // An image the sanitizer removes leaves its alt text: a `data:` address makes none worth reading.
  if (checkUrl(path, 'markdown').kind !== 'allowed') return '';
  const name = path.split('/').at(-1) ?? path;
  const dot = name.lastIndexOf('.');
  const extension = dot === -1 ? '' : name.slice(dot);
  return (/^\.[a-z0-9]+$/i.test(extension) ? name.slice(0, dot) : name)
    .replace(/[-_]+/g, ' ')
    .trim();
}

/**
 * `Title | Suffix` → `[full, 'Title', 'Suffix']`: what `^(.*?\S)\s+\|\s*([^|]*\S)\s*$` matches
 * (split at the last `|` that has a space before it), found without a pattern that backtracks.
 */
function titleSuffixMatch(full: string): [string, string, string] | undefined {
  const last = full.lastIndexOf('|');
  // A suffix may end with a `|` of its own: then the `|` before it is tried first.
  const bars = full.trimEnd().endsWith('|') ? [full.lastIndexOf('|', last - 1), last] : [last];
  for (const bar of bars) {
    if (bar === -1) continue;
    const before = full.slice(0, bar);
    const title = before.trimEnd();
    const suffix = full.slice(bar + 1).trim();
    if (title === before || title === '' || suffix === '') continue;
    if (!/[\n\r\u2028\u2029]/.test(title)) return [full, title, suffix];
  }
  return undefined;
}

interface Title {
  title: string;
  suffix?: string;
  heading?: string;
}

/** Keys' lines under the names the pages use (`Description:` → `description`), first one kept. */
function normalizedKeyLines(keyLines: ReadonlyMap<string, number>): Map<string, number> {
  const result = new Map<string, number>();
  for (const [key, line] of keyLines) {
    const name = NORMALIZED_KEYS[key] ?? key;
    if (!result.has(name)) result.set(name, line);
  }
  return result;
}

/** The source's title as text: a number such as `2021` is a title too; none is empty. */
function titleText(raw: unknown, line: number): string {
  if (raw === undefined || raw === null) return '';
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  throw new ImportError(line, 'title must be text, not a list or a mapping');
}

function cleanTitle(entries: FrontmatterEntries, h1: string | undefined, line: number): Title {
  const full = titleText(entries.find(([key]) => key === 'title')?.[1], line);
  const match = titleSuffixMatch(full);
  const title = match?.[1] ?? full;
  const suffix = match?.[2];
  if (title === '') {
    // Without a title of its own the H1 is the title, placed once so its segment counts once.
    if (h1 === undefined || stripMarks(h1).trim() === '') {
      throw new ImportError(line, 'no title: the front matter has no title and the article no H1');
    }
    return suffix ? { title: h1, suffix } : { title: h1 };
  }
  const result: Title = { title };
  if (suffix) result.suffix = suffix;
  if (h1 !== undefined) {
    // The H1 becomes the title when they read the same, so its segment stays counted.
    if (stripMarks(h1) === title) result.title = h1;
    else result.heading = h1;
  }
  return result;
}

function listEntries(page: RenderedPage): FrontmatterEntries {
  const result: FrontmatterEntries = [];
  if (page.appliesTo)
    result.push(['appliesToLabel', page.appliesToLabel], ['appliesTo', page.appliesTo]);
  if (page.roles) result.push(['rolesLabel', page.rolesLabel], ['roles', page.roles]);
  return result;
}

function translatedFrontmatter(
  entries: FrontmatterEntries,
  title: Title,
  page: RenderedPage,
): FrontmatterEntries {
  const result: FrontmatterEntries = [];
  const seen = new Set<string>();
  for (const [key, value] of entries) {
    const name = NORMALIZED_KEYS[key] ?? key;
    if (seen.has(name)) continue;
    seen.add(name);
    if (name === 'title') {
      result.push(['title', title.title]);
      if (title.suffix) result.push(['titleSuffix', title.suffix]);
    } else {
      result.push([name, value]);
    }
  }
  if (!seen.has('title')) result.unshift(['title', title.title]);
  if (title.heading !== undefined) result.push(['heading', title.heading]);
  return [...result, ...listEntries(page)];
}

function englishFrontmatter(entries: FrontmatterEntries, page: RenderedPage): FrontmatterEntries {
  const result: FrontmatterEntries = [['title', page.h1 ?? '']];
  for (const [key, value] of entries) {
    if (!LANGUAGE_NEUTRAL_KEYS.has(key)) continue;
    result.push([key, key === 'ms.contentlocale' ? 'en-US' : value]);
  }
  return [...result, ...listEntries(page)];
}

interface Unmarked {
  entries: FrontmatterEntries;
  body: string;
  /** Text of each segment, by segment index, exactly as written. */
  texts: Map<number, string>;
}

function unmark([entries, body]: [FrontmatterEntries, string]): Unmarked {
  const texts = new Map<number, string>();
  const strip = (text: string): string =>
    replaceMarkedSegments(text, (index, segmentText) => {
      if (texts.has(Number(index))) throw new ImportError(1, `segment ${index} was written twice`);
      texts.set(Number(index), segmentText);
      return segmentText;
    });
  const clean = (value: unknown): unknown =>
    typeof value === 'string' ? strip(value) : Array.isArray(value) ? value.map(clean) : value;
  return { entries: entries.map(([key, value]) => [key, clean(value)]), body: strip(body), texts };
}

function stripMarks(text: string): string {
  return replaceMarkedSegments(text, (_index, segmentText) => segmentText);
}

/** The page; an ImportError at the key's line unless its front matter fits and reads back. */
function writePage(
  entries: FrontmatterEntries,
  body: string,
  keyLines: ReadonlyMap<string, number>,
): string {
  const checked = ImportedFrontmatterSchema.safeParse(Object.fromEntries(entries));
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new ImportError(
      keyLines.get(String(issue?.path[0])) ?? 1,
      `front matter does not fit the article schema: ${issue?.path.join('.')}: ${issue?.message}`,
    );
  }
  const notReadBack = keyNotReadBack(entries);
  if (notReadBack !== undefined) {
    throw new ImportError(
      keyLines.get(notReadBack) ?? 1,
      `front matter key ${notReadBack} would not read back as written by a YAML 1.1 reader such as Astro's`,
    );
  }
  return `${formatFrontmatter(entries)}\n${body}`;
}

const HTML_BLOCK_START =
  /^\s*<\/?(?:table|thead|tbody|tr|td|th|p|div|ul|ol|li|pre|colgroup|col|dl|dt|dd)\b/i;

/** Segments inside HTML blocks, where links must stay HTML because Markdown is not parsed there. */
function segmentsInHtmlBlocks(lines: readonly string[]): Set<number> {
  const segments = new Set<number>();
  let inBlock = false;
  for (const line of lines) {
    if (line.trim() === '') inBlock = false;
    else if (HTML_BLOCK_START.test(line)) inBlock = true;
    if (!inBlock) continue;
    for (const token of line.matchAll(SEGMENT_TOKEN)) segments.add(Number(token[1]));
  }
  return segments;
}

function linkDefinitions(lines: readonly string[]): Map<string, string> {
  const definitions = new Map<string, string>();
  for (const line of lines) {
    const match = /^\s{0,3}\[([^\]]+)\]:\s*(\S+)/.exec(line);
    if (match?.[1] && match[2]) definitions.set(match[1].toLowerCase(), match[2]);
  }
  return definitions;
}

function missingImages(
  structure: ArticleStructure,
  texts: readonly string[],
  imageExists: (path: string) => boolean,
): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  structure.lines.forEach((line, index) => {
    const filled = line.replace(
      SEGMENT_TOKEN,
      (_token, segment: string) => texts[Number(segment)] ?? '',
    );
    for (const { path } of findImages(filled)) {
      if (/^[a-z][\w+.-]*:|^\//i.test(path) || imageExists(path)) continue;
      warnings.push({
        kind: 'missing-image',
        line: structure.lineNumbers[index] ?? 0,
        message: `image ${path} does not exist next to the source`,
      });
    }
  });
  return warnings;
}
