import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SegmentsFileSchema, type Segment } from '../article/segments-schema.ts';
import { siteLocales, type SiteLocale } from '../site/locales.ts';
import { listArticles } from './article-files.ts';
import { expectedKeys, referenceLanguage } from './check-locales.ts';
import { parseLocaleFile } from './locale-json.ts';
import { alignSegments, stretchText } from './segment-alignment.ts';

/** A sentence whose English changed since it was translated. */
export interface OutdatedSegment {
  /** Microsoft's segment id, e.g. `c44b6-111`. */
  readonly id: string;
  /** The English the translation was made from. */
  readonly english: string;
  /** What the English page says there now. */
  readonly currentEnglish: string;
}

/** Where one article stands in one language. */
export interface ArticleStatus {
  /** Path below the locale folder, e.g. `partner-center/update-customer-account-info`. */
  readonly path: string;
  /** BCP-47 tag of the translation, e.g. `ja-JP`. */
  readonly locale: string;
  readonly state: 'translated' | 'missing' | 'outdated';
  readonly segments: { readonly total: number; readonly outdated: number };
  readonly outdatedSegments: OutdatedSegment[];
}

/** How many strings of one locale file a language still lacks. */
export interface UiStatus {
  readonly locale: string;
  /** File name, e.g. `widget.json`. */
  readonly file: string;
  /** Strings English has that this language lacks or left empty. */
  readonly missing: number;
  /** Strings this language needs (English's, with its own plural forms). */
  readonly total: number;
}

/** `npm run i18n:status -- --json`: what translators have to do, per article and locale file. */
export interface StatusReport {
  readonly articles: ArticleStatus[];
  readonly ui: UiStatus[];
}

/** Where the translators' files are. */
export interface StatusOptions {
  /** Project root (absolute). */
  readonly root: string;
  /** Content folders relative to the root (`contentDirs()`). */
  readonly contentDirs: readonly string[];
  /** The site's locales, English first; defaults to `siteLocales`. */
  readonly locales?: readonly SiteLocale[];
}

/**
 * Compares every translation with the English page as it is now, sentence by sentence: the
 * sidecar stores the English each sentence was translated from, so a sentence whose English is
 * no longer in the page is outdated, and the page's text in its place is the new English.
 */
export function translationStatus(options: StatusOptions): StatusReport {
  const locales = options.locales ?? siteLocales;
  const [english, ...translations] = locales;
  if (!english) return { articles: [], ui: [] };
  const articles: ArticleStatus[] = [];
  for (const dir of options.contentDirs.map((folder) => join(options.root, folder))) {
    for (const page of listArticles(dir, [english.folder])) {
      const current = readFileSync(page.file, 'utf8');
      for (const locale of translations) {
        const translated = join(dir, locale.folder, `${page.path}.md`);
        articles.push(
          existsSync(translated)
            ? articleStatus(page.path, locale.lang, current, readSegments(translated))
            : {
                path: page.path,
                locale: locale.lang,
                state: 'missing',
                segments: { total: 0, outdated: 0 },
                outdatedSegments: [],
              },
        );
      }
    }
  }
  return { articles, ui: uiStatus(join(options.root, 'locales'), translations) };
}

/** The segments of a translated page's sidecar; none for a page written by hand. */
function readSegments(page: string): Segment[] {
  const sidecar = page.replace(/\.md$/, '.segments.json');
  if (!existsSync(sidecar)) return [];
  return SegmentsFileSchema.parse(JSON.parse(readFileSync(sidecar, 'utf8'))).segments;
}

/** One article in one language, from its segments and the current English page. */
export function articleStatus(
  path: string,
  locale: string,
  currentEnglish: string,
  segments: readonly Segment[],
): ArticleStatus {
  const places = alignSegments(
    currentEnglish,
    segments.map((segment) => segment.source),
  );
  const outdatedSegments: OutdatedSegment[] = [];
  places.forEach((place, index) => {
    const segment = segments[index];
    if (place.kind === 'found' || !segment) return;
    const text = stretchText(currentEnglish, place.start, place.end);
    // Several changed sentences side by side share one stretch: split it into sentences when
    // their number matches, else each shows the whole stretch.
    const sentences = text.split(/(?<=[.!?])\s+/);
    const first = places.findIndex(
      (other) => other.kind === 'changed' && other.start === place.start && other.end === place.end,
    );
    outdatedSegments.push({
      id: segment.id,
      english: segment.source,
      currentEnglish:
        place.shared > 1 && sentences.length === place.shared
          ? (sentences[index - first] ?? text)
          : text,
    });
  });
  return {
    path,
    locale,
    state: outdatedSegments.length > 0 ? 'outdated' : 'translated',
    segments: { total: segments.length, outdated: outdatedSegments.length },
    outdatedSegments,
  };
}

function uiStatus(localesDir: string, translations: readonly SiteLocale[]): UiStatus[] {
  const referenceDir = join(localesDir, referenceLanguage);
  if (!existsSync(referenceDir)) return [];
  const files = readdirSync(referenceDir)
    .filter((file) => file.endsWith('.json') && file !== 'starlight.json')
    .sort();
  return translations.flatMap((locale) =>
    files.map((file) => {
      const read = (path: string) =>
        existsSync(path) ? parseLocaleFile(path, readFileSync(path, 'utf8')).strings : {};
      const needed = expectedKeys(read(join(referenceDir, file)), locale.lang);
      const own = read(join(localesDir, locale.lang, file));
      return {
        locale: locale.lang,
        file,
        missing: needed.filter((key) => !own[key]).length,
        total: needed.length,
      };
    }),
  );
}
