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
import { escapePlaceholders } from './placeholders.ts';
import { isSiteOwnedKey } from './site-keys.ts';
import { restructure, toLabel, unbold, type ArticleStructure } from './structure.ts';
import { parseSxsBody, SEGMENT_TOKEN } from './sxs.ts';

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
  sidecar: SegmentsFile;
  warnings: ImportWarning[];
  segmentsRead: number;
  /** Segments found in the translated page (title, heading, appliesTo, roles, body). */
  segmentsWritten: number;
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
const TITLE_SUFFIX = /^(.*?\S)\s+\|\s*([^|]*\S)\s*$/;
const IMAGE = /!\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*([^)\s]+)([^)]*)\)/g;
const FENCE = /^\s*(```+|~~~+)/;

// Each segment is written wrapped in these markers and counted where it ends up, so that a
// segment lost by any step shows up as a read/written mismatch instead of silently vanishing.
const MARK_OPEN = '\uE000';
const MARK_TEXT = '\uE001';
const MARK_CLOSE = '\uE002';
const MARKED_SEGMENT = /\uE000(\d+)\uE001([\s\S]*?)\uE002/g;

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

  const translatedPage = renderPage(structure, targets, false);
  const englishPage = renderPage(structure, sources, true);
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
    sidecar,
    warnings: warnings.sort((a, b) => a.line - b.line),
    segmentsRead: sxs.segments.length,
    segmentsWritten: written.texts.size,
  };
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
}

function renderPage(
  structure: ArticleStructure,
  texts: readonly string[],
  english: boolean,
): RenderedPage {
  const fill = (line: string): string =>
    line.replace(
      SEGMENT_TOKEN,
      (_token, index: string) =>
        `${MARK_OPEN}${index}${MARK_TEXT}${texts[Number(index)] ?? ''}${MARK_CLOSE}`,
    );
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of structure.lines) {
    const fenceMatch = FENCE.exec(line);
    if (fence !== undefined) {
      if (fenceMatch?.[1]?.startsWith(fence)) fence = undefined;
      lines.push(fill(line));
      continue;
    }
    if (fenceMatch) fence = fenceMatch[1]?.slice(0, 3);
    // Image alt texts sit outside the spans, so only the translation has them.
    const skeleton = english
      ? line.replace(
          IMAGE,
          (_image, _alt: string, path: string, title: string) =>
            `![${altFromPath(path)}](${path}${title})`,
        )
      : line;
    lines.push(fenceMatch ? fill(skeleton) : escapePlaceholders(fill(skeleton)));
  }
  while (lines.length > 0 && (lines[0] ?? '').trim() === '') lines.shift();
  while (lines.length > 0 && (lines.at(-1) ?? '').trim() === '') lines.pop();
  const page: RenderedPage = { body: lines.length > 0 ? `${lines.join('\n')}\n` : '' };
  if (structure.h1 !== undefined) page.h1 = fill(structure.h1);
  if (structure.appliesTo) page.appliesTo = structure.appliesTo.map(fill);
  if (structure.appliesToLabel !== undefined) page.appliesToLabel = fill(structure.appliesToLabel);
  if (structure.roles) page.roles = structure.roles.map(fill);
  if (structure.rolesLabel !== undefined) page.rolesLabel = fill(structure.rolesLabel);
  return page;
}

/** `images/pci/roles-overview.png` → `roles overview`: better than a translated alt on an English page. */
function altFromPath(path: string): string {
  const name = path.split('/').at(-1) ?? path;
  return name
    .replace(/\.[a-z0-9]+$/i, '')
    .replace(/[-_]+/g, ' ')
    .trim();
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
  const match = TITLE_SUFFIX.exec(full);
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
    text.replace(MARKED_SEGMENT, (_marked, index: string, segmentText: string) => {
      if (texts.has(Number(index))) throw new ImportError(1, `segment ${index} was written twice`);
      texts.set(Number(index), segmentText);
      return segmentText;
    });
  const clean = (value: unknown): unknown =>
    typeof value === 'string' ? strip(value) : Array.isArray(value) ? value.map(clean) : value;
  return { entries: entries.map(([key, value]) => [key, clean(value)]), body: strip(body), texts };
}

function stripMarks(text: string): string {
  return text.replace(MARKED_SEGMENT, '$2');
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
    for (const image of filled.matchAll(IMAGE)) {
      const path = image[2] ?? '';
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
