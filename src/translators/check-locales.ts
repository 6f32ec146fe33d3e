import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { placeholdersOf } from '../site/locale-files.ts';
import { parseLocaleFile, type ParsedLocaleFile } from './locale-json.ts';
import type { Problem } from './problem.ts';

/** The language every locale file is compared with. */
export const referenceLanguage = 'en';

/** i18next's plural suffixes, one per CLDR plural category. */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Keys are flat, dot-separated camelCase, with an i18next plural suffix when plural. */
const KEY_FORMAT = /^[a-z0-9][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)*(_(zero|one|two|few|many|other))?$/;

/** Pagefind's own string names (`pagefind.clear_search`), which Starlight hands to Pagefind as they are. */
const PAGEFIND_KEY = /^pagefind\.[a-z]+(_[a-z]+)*$/;

function isWellFormedKey(key: string): boolean {
  return KEY_FORMAT.test(key) || PAGEFIND_KEY.test(key);
}

/** What the locale check needs to know about the project. */
export interface LocaleCheckOptions {
  /** Project root: file names in messages are relative to it. */
  readonly root: string;
  /** Absolute path of `locales/`. */
  readonly localesDir: string;
  /** BCP-47 tags of the site's languages (`siteLocales`), English included. */
  readonly languages: readonly string[];
  /**
   * Keys Starlight translates itself: `starlight.json` overrides only some, so a key missing
   * there is Starlight's own translation, and a key English lacks is allowed when Starlight has it.
   */
  readonly starlightKeys: ReadonlySet<string>;
}

/** The CLDR plural categories of a language, from `Intl.PluralRules` (ja: other; en: one, other). */
export function pluralCategories(lang: string): string[] {
  return new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
}

/**
 * The keys a language needs for English's strings: every key, with plural keys in the
 * language's own forms (English's `x_one`/`x_other` are `x_other` alone in Japanese).
 */
export function expectedKeys(english: Record<string, string>, lang: string): string[] {
  const categories = pluralCategories(lang);
  const keys = new Set<string>();
  for (const key of Object.keys(english)) {
    if (!PLURAL_SUFFIX.test(key)) keys.add(key);
    else
      for (const category of categories) keys.add(`${key.replace(PLURAL_SUFFIX, '')}_${category}`);
  }
  return [...keys];
}

/** Reads a locale file for checking; a file that cannot be read is reported, not thrown. */
function readParsed(root: string, path: string): ParsedLocaleFile {
  return parseLocaleFile(relative(root, path), readFileSync(path, 'utf8'));
}

/**
 * Checks every language's locale files against English: files, keys, placeholders, plural
 * forms, empty values and values identical to English (a warning), plus the JSON itself.
 * Every problem is reported; nothing stops at the first.
 */
export function checkLocales(options: LocaleCheckOptions): Problem[] {
  const { root, localesDir, languages } = options;
  const problems: Problem[] = [];
  const at = (
    file: string,
    line: number,
    message: string,
    severity: Problem['severity'] = 'error',
  ) => problems.push({ file, line, severity, message });

  const folders = existsSync(localesDir)
    ? readdirSync(localesDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
    : [];
  for (const lang of languages) {
    if (!folders.includes(lang))
      at(
        relative(root, join(localesDir, lang)),
        0,
        `the site has language ${lang} but no folder locales/${lang}/: copy locales/${referenceLanguage}/ and translate it`,
      );
  }
  for (const folder of folders) {
    if (!languages.includes(folder))
      at(
        relative(root, join(localesDir, folder)),
        0,
        `${folder} is not a language of the site: add it to src/site/locales.ts or remove the folder`,
      );
  }

  const referenceDir = join(localesDir, referenceLanguage);
  const files = existsSync(referenceDir)
    ? readdirSync(referenceDir)
        .filter((file) => file.endsWith('.json'))
        .sort()
    : [];
  const english = new Map(files.map((file) => [file, readParsed(root, join(referenceDir, file))]));
  for (const [file, parsed] of english) {
    problems.push(...parsed.problems);
    const name = relative(root, join(referenceDir, file));
    for (const [key, value] of Object.entries(parsed.strings)) {
      const line = parsed.lines[key] ?? 0;
      if (!isWellFormedKey(key))
        at(name, line, `${key}: keys are flat, dot-separated camelCase, like "form.city.label"`);
      if (value.trim() === '') at(name, line, `${key}: empty`);
    }
  }

  for (const lang of languages.filter(
    (candidate) => candidate !== referenceLanguage && folders.includes(candidate),
  )) {
    const dir = join(localesDir, lang);
    const present = readdirSync(dir).filter((file) => file.endsWith('.json'));
    for (const file of present.filter((candidate) => !english.has(candidate)))
      at(
        relative(root, join(dir, file)),
        0,
        `English has no ${file}: remove it, or check its name`,
      );
    for (const [file, reference] of english) {
      const name = relative(root, join(dir, file));
      if (!present.includes(file)) {
        at(name, 0, `missing file: copy locales/${referenceLanguage}/${file} and translate it`);
        continue;
      }
      const translated = readParsed(root, join(dir, file));
      problems.push(...translated.problems);
      problems.push(
        ...compareStrings(
          name,
          lang,
          reference,
          translated,
          file === 'starlight.json' ? options.starlightKeys : undefined,
        ),
      );
    }
  }
  return problems;
}

/**
 * Compares one translated file with its English file. `optionalKeys` is set for a file that
 * overrides only some strings (Starlight's): missing keys are then fine, and extra keys are
 * fine when they are among these.
 */
function compareStrings(
  file: string,
  lang: string,
  english: ParsedLocaleFile,
  translated: ParsedLocaleFile,
  optionalKeys: ReadonlySet<string> | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const at = (line: number, message: string, severity: Problem['severity'] = 'error') =>
    problems.push({ file, line, severity, message });
  const language = new Intl.Locale(lang).language;
  const categories = pluralCategories(lang);
  const pluralStems = new Set(
    Object.keys(english.strings)
      .filter((key) => PLURAL_SUFFIX.test(key))
      .map((key) => key.replace(PLURAL_SUFFIX, '')),
  );
  const englishOf = (key: string): string | undefined => {
    const stem = key.replace(PLURAL_SUFFIX, '');
    return pluralStems.has(stem) ? english.strings[`${stem}_other`] : english.strings[key];
  };

  if (optionalKeys === undefined) {
    for (const key of Object.keys(english.strings)) {
      if (PLURAL_SUFFIX.test(key)) continue;
      if (!Object.hasOwn(translated.lines, key))
        at(0, `${key}: missing; translate ${JSON.stringify(english.strings[key])}`);
    }
    for (const stem of pluralStems) {
      for (const category of categories) {
        const key = `${stem}_${category}`;
        if (!Object.hasOwn(translated.strings, key) && !Object.hasOwn(translated.strings, stem))
          at(
            0,
            `${key}: missing; ${language} needs the plural form${categories.length > 1 ? 's' : ''} ${categories.map((name) => `"${name}"`).join(', ')}; translate ${JSON.stringify(englishOf(key))}`,
          );
      }
    }
  }

  for (const [key, value] of Object.entries(translated.strings)) {
    const line = translated.lines[key] ?? 0;
    const stem = key.replace(PLURAL_SUFFIX, '');
    const category = PLURAL_SUFFIX.exec(key)?.[1];
    if (!isWellFormedKey(key))
      at(line, `${key}: keys are flat, dot-separated camelCase, like "form.city.label"`);
    if (category !== undefined && pluralStems.has(stem)) {
      if (!categories.includes(category)) {
        at(
          line,
          `${key}: plural form "${category}" does not exist in ${language}; use ${categories.map((name) => `${stem}_${name}`).join(', ')}`,
        );
        continue;
      }
    } else if (!Object.hasOwn(english.strings, key) && !optionalKeys?.has(key)) {
      at(line, `${key}: not in English; remove it, or correct the key`);
      continue;
    }
    if (value.trim() === '') {
      at(line, `${key}: empty; translate it (readers would see English instead)`);
      continue;
    }
    const reference = englishOf(key);
    if (reference === undefined) continue;
    const expected = placeholdersOf(reference);
    const actual = placeholdersOf(value);
    if (expected.join() !== actual.join()) {
      const missing = expected.filter((name) => !actual.includes(name));
      const extra = actual.filter((name) => !expected.includes(name));
      at(
        line,
        `${key}: placeholders differ from English:${missing.length ? ` missing ${missing.map((name) => `{{${name}}}`).join(', ')}` : ''}${extra.length ? ` unknown ${extra.map((name) => `{{${name}}}`).join(', ')}` : ''}`,
      );
    }
    if (value === reference && /\p{L}/u.test(value))
      at(
        line,
        `${key}: same as English; translate it, unless it is meant to stay English`,
        'warning',
      );
  }
  return problems;
}
