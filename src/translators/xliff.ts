import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';
import js2xliff from 'xliff/js2xliff';
import xliff2js from 'xliff/xliff2js';
import { SegmentsFileSchema, type SegmentsFile } from '../article/segments-schema.ts';
import { sourceHash } from '../importer/article.ts';
import { siteLocales, type SiteLocale } from '../site/locales.ts';
import { listArticles } from './article-files.ts';
import { expectedKeys, referenceLanguage } from './check-locales.ts';
import { parseLocaleFile } from './locale-json.ts';
import { alignSegments, stretchText } from './segment-alignment.ts';
import { articleStatus } from './status.ts';

/** Where the translators' files are. */
export interface XliffOptions {
  /** Project root (absolute). */
  readonly root: string;
  /** Content folders relative to the root. */
  readonly contentDirs: readonly string[];
  /** The site's locales, English first; defaults to `siteLocales`. */
  readonly locales?: readonly SiteLocale[];
}

/** XLIFF `<file>` ids: `ui:widget.json`, `article:partner-center:update-customer-account-info`. */
const UI_FILE = 'ui:';
const ARTICLE_FILE = 'article:';
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** One article segment as translators see it: the English now, the translation now. */
interface ArticleUnit {
  readonly id: string;
  readonly english: string;
  readonly outdated: boolean;
  /** The English the translation was made from, when the English changed since. */
  readonly was: string;
  /** The segment's text in the translated page, and where it is. */
  readonly target: string;
  readonly start: number;
  readonly end: number;
}

/** A translated article with its page, sidecar and units. */
interface ArticleUnits {
  readonly path: string;
  readonly pageFile: string;
  readonly sidecarFile: string;
  readonly page: string;
  readonly sidecar: SegmentsFile;
  readonly units: ArticleUnit[];
}

function findLocale(locales: readonly SiteLocale[], lang: string): SiteLocale {
  const locale = locales.find((candidate) => candidate.lang.toLowerCase() === lang.toLowerCase());
  if (!locale || locale.lang === referenceLanguage) {
    throw new Error(
      `${lang} is not a translated language of the site; use one of ${locales
        .slice(1)
        .map((candidate) => candidate.lang)
        .join(', ')}`,
    );
  }
  return locale;
}

const readStrings = (path: string) =>
  existsSync(path) ? parseLocaleFile(path, readFileSync(path, 'utf8')).strings : {};

/** English of a key of `lang`: plural keys take English's `_other` (Japanese has no `_one`). */
function englishFor(english: Record<string, string>, key: string): string | undefined {
  if (Object.hasOwn(english, key)) return english[key];
  return PLURAL_SUFFIX.test(key) ? english[key.replace(PLURAL_SUFFIX, '_other')] : undefined;
}

/** The locale files translators translate in full (Starlight's overrides are optional). */
function uiFiles(root: string): string[] {
  return readdirSync(join(root, 'locales', referenceLanguage))
    .filter((file) => file.endsWith('.json') && file !== 'starlight.json')
    .sort();
}

/** Every translated article of `locale` with its segments aligned to the page and English. */
function articleUnits(options: XliffOptions, locale: SiteLocale): ArticleUnits[] {
  const result: ArticleUnits[] = [];
  for (const dir of options.contentDirs.map((folder) => join(options.root, folder))) {
    for (const english of listArticles(dir, [referenceLanguage])) {
      const pageFile = join(dir, locale.folder, `${english.path}.md`);
      const sidecarFile = pageFile.replace(/\.md$/, '.segments.json');
      if (!existsSync(pageFile) || !existsSync(sidecarFile)) continue;
      const page = readFileSync(pageFile, 'utf8');
      const sidecar = SegmentsFileSchema.parse(JSON.parse(readFileSync(sidecarFile, 'utf8')));
      const status = articleStatus(
        english.path,
        locale.lang,
        readFileSync(english.file, 'utf8'),
        sidecar.segments,
      );
      const places = alignSegments(
        page,
        sidecar.segments.map((segment) => segment.target),
      );
      const units = sidecar.segments.flatMap((segment, index): ArticleUnit[] => {
        const place = places[index];
        // Several hand-edited sentences side by side cannot be told apart: they are left out
        // rather than offered with a guess.
        if (!place || (place.kind === 'changed' && place.shared > 1)) return [];
        const outdated = status.outdatedSegments.find((candidate) => candidate.id === segment.id);
        const target =
          place.kind === 'found'
            ? page.slice(place.start, place.end)
            : stretchText(page, place.start, place.end);
        const start = place.kind === 'found' ? place.start : page.indexOf(target, place.start);
        if (start === -1) return [];
        return [
          {
            id: segment.id,
            english: outdated?.currentEnglish ?? segment.source,
            outdated: outdated !== undefined,
            was: segment.source,
            target,
            start,
            end: start + target.length,
          },
        ];
      });
      result.push({ path: english.path, pageFile, sidecarFile, page, sidecar, units });
    }
  }
  return result;
}

/**
 * Writes an XLIFF 2.0 document for `lang`: every UI string and article segment (or, with
 * `onlyOutdated`, those that need work: missing or empty strings, sentences whose English
 * changed), English as source, the current translation as target, and notes naming the key or
 * segment and its file.
 */
export async function exportXliff(
  options: XliffOptions & { readonly lang: string; readonly onlyOutdated?: boolean },
): Promise<string> {
  const locales = options.locales ?? siteLocales;
  const locale = findLocale(locales, options.lang);
  const resources: XliffDocument['resources'] = {};
  for (const file of uiFiles(options.root)) {
    const english = readStrings(join(options.root, 'locales', referenceLanguage, file));
    const ownPath = join(options.root, 'locales', locale.lang, file);
    const own = readStrings(ownPath);
    const units: Record<string, XliffUnit> = {};
    for (const key of expectedKeys(english, locale.lang)) {
      const target = own[key];
      if (options.onlyOutdated && target) continue;
      units[key] = {
        note: [`key ${key}`, `file ${relative(options.root, ownPath)}`],
        source: englishFor(english, key) ?? '',
        ...(target ? { target } : {}),
      };
    }
    if (Object.keys(units).length > 0) resources[`${UI_FILE}${file}`] = units;
  }
  for (const article of articleUnits(options, locale)) {
    const units: Record<string, XliffUnit> = {};
    for (const unit of article.units) {
      if (options.onlyOutdated && !unit.outdated) continue;
      units[unit.id] = {
        note: [
          `segment ${unit.id}`,
          `article ${relative(options.root, article.pageFile)}`,
          ...(unit.outdated
            ? [`the English changed; the translation was made from: ${unit.was}`]
            : []),
        ],
        source: unit.english,
        target: unit.target,
      };
    }
    if (Object.keys(units).length > 0)
      resources[`${ARTICLE_FILE}${article.path.replaceAll('/', ':')}`] = units;
  }
  const xml = await js2xliff({
    sourceLanguage: referenceLanguage,
    targetLanguage: locale.lang,
    resources,
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`;
}

/** What an XLIFF import changed and refused. */
export interface XliffImportReport {
  /** Files written, relative to the root. */
  readonly written: string[];
  /** How many units changed a translation. */
  readonly updated: number;
  /** One line per unit that was not merged, naming it and why. */
  readonly refused: string[];
}

/**
 * Merges the targets of an XLIFF document back into the locale files and articles. A unit whose
 * source is no longer the current English is refused and named: its translation answers English
 * that has changed. Files are rewritten only where a target differs, and locale files are edited
 * in place (jsonc-parser's `modify`), so an import without edits changes no byte.
 */
export async function importXliff(options: XliffOptions, xml: string): Promise<XliffImportReport> {
  const document = await xliff2js(xml);
  const locales = options.locales ?? siteLocales;
  if (document.sourceLanguage !== referenceLanguage)
    throw new Error(
      `the XLIFF source language is ${document.sourceLanguage}, not ${referenceLanguage}`,
    );
  const locale = findLocale(locales, document.targetLanguage);
  const written: string[] = [];
  const refused: string[] = [];
  let updated = 0;
  const articles = new Map(
    articleUnits(options, locale).map((article) => [article.path.replaceAll('/', ':'), article]),
  );
  for (const [fileId, units] of Object.entries(document.resources)) {
    if (fileId.startsWith(UI_FILE)) {
      const file = fileId.slice(UI_FILE.length);
      if (!uiFiles(options.root).includes(file)) {
        refused.push(`file ${fileId}: there is no locales/${referenceLanguage}/${file}`);
        continue;
      }
      const english = readStrings(join(options.root, 'locales', referenceLanguage, file));
      const path = join(options.root, 'locales', locale.lang, file);
      const original = existsSync(path) ? readFileSync(path, 'utf8') : '{}\n';
      let text = original;
      const own = readStrings(path);
      const keys = new Set(expectedKeys(english, locale.lang));
      for (const [key, unit] of Object.entries(units)) {
        const name = `${fileId} unit ${key}`;
        if (!keys.has(key)) {
          refused.push(`${name}: English has no such string any more`);
          continue;
        }
        if (unit.source !== englishFor(english, key)) {
          refused.push(
            `${name}: the English changed since the export; it is now ${JSON.stringify(englishFor(english, key))}`,
          );
          continue;
        }
        if (!unit.target || unit.target === own[key]) continue;
        text = applyEdits(
          text,
          modify(text, [key], unit.target, {
            formattingOptions: { insertSpaces: true, tabSize: 2 },
          }),
        );
        updated += 1;
      }
      if (text !== original) {
        writeFileSync(path, text);
        written.push(relative(options.root, path));
      }
      continue;
    }
    const article = fileId.startsWith(ARTICLE_FILE)
      ? articles.get(fileId.slice(ARTICLE_FILE.length))
      : undefined;
    if (!article) {
      refused.push(`file ${fileId}: no such translated article in ${locale.folder}/`);
      continue;
    }
    const edits: { unit: ArticleUnit; target: string }[] = [];
    for (const [id, unit] of Object.entries(units)) {
      const name = `${fileId} unit ${id}`;
      const current = article.units.find((candidate) => candidate.id === id);
      if (!current) {
        refused.push(
          `${name}: the article has no such segment, or its place in the page is unclear`,
        );
        continue;
      }
      if (unit.source !== current.english) {
        refused.push(
          `${name}: the English changed since the export; it is now ${JSON.stringify(current.english)}`,
        );
        continue;
      }
      if (!unit.target || unit.target === current.target) continue;
      edits.push({ unit: current, target: unit.target });
    }
    if (edits.length === 0) continue;
    let page = article.page;
    for (const { unit, target } of edits.sort((a, b) => b.unit.start - a.unit.start)) {
      page = page.slice(0, unit.start) + target + page.slice(unit.end);
    }
    // The sidecar keeps the importer's translation (so a later import sees the new text as a
    // person's and keeps it) but records that it now answers the current English.
    const sidecar: SegmentsFile = {
      ...article.sidecar,
      segments: article.sidecar.segments.map((segment) => {
        const edit = edits.find(({ unit }) => unit.id === segment.id);
        return edit
          ? { ...segment, source: edit.unit.english, sourceHash: sourceHash(edit.unit.english) }
          : segment;
      }),
    };
    writeFileSync(article.pageFile, page);
    writeFileSync(article.sidecarFile, `${JSON.stringify(sidecar, null, 2)}\n`);
    written.push(
      relative(options.root, article.pageFile),
      relative(options.root, article.sidecarFile),
    );
    updated += edits.length;
  }
  return { written, updated, refused };
}
