import { siteLocales } from '../site/locales.ts';

/**
 * The widget's strings: i18next's resource format (flat keys, `{{name}}` placeholders, `_one`/
 * `_other` plural suffixes chosen with `Intl.PluralRules`), read by a translator small enough for
 * the widget's size budget. The locale files stay plain i18next JSON, so the site's i18next and
 * translators' tools read them unchanged.
 */

/**
 * Languages the widget has strings for: the site's languages (`src/site/locales.ts`, one
 * `locales/<lang>/` folder each), so adding a language to the site adds it to the widget too.
 * Any other language falls back to English.
 */
export const WIDGET_LANGUAGES = siteLocales.map((locale) => locale.lang);

/** A language the widget has strings for. */
export type WidgetLanguage = (typeof siteLocales)[number]['lang'];

/** The language every other falls back to. */
const DEFAULT_LANGUAGE: WidgetLanguage = 'en';

/**
 * The `X-Locale` the widget sends in a language (`en` → `en-US`, `ja-JP` → `ja-JP`), so Partner
 * Center's own messages (address validation's `validationMessage`) come in the language the rest
 * of the widget speaks.
 */
export function serviceLocale(lang: WidgetLanguage): string {
  const { language, region } = new Intl.Locale(lang).maximize();
  return region ? `${language}-${region}` : language;
}

/** The UI strings of one language: flat dot-separated keys to i18next strings. */
export type Messages = Readonly<Record<string, string>>;

/** Values for a message's placeholders; a numeric `count` also picks the plural form. */
export type TranslateParams = Readonly<Record<string, string | number | undefined>>;

/** Turns a key and its parameters into text in the translator's language. */
export type Translate = (key: string, params?: TranslateParams) => string;

/** A tag with its likely script and region filled in (`ja` → `ja-Jpan-JP`), or `undefined`. */
function likely(tag: string): Intl.Locale | undefined {
  try {
    return new Intl.Locale(tag.trim().replaceAll('_', '-')).maximize();
  } catch {
    return undefined;
  }
}

/**
 * Picks the widget language for a BCP-47 tag, with `Intl.Locale`'s likely subtags: the same
 * language and region first (`ja` → `ja-JP`), then the same language in the same script
 * (`zh-HK`, `zh-Hant` → `zh-TW`, both Traditional). Anything else, Simplified Chinese included,
 * gets English, because showing Traditional characters to a Simplified reader is worse.
 */
export function resolveLanguage(tag: string | null | undefined): WidgetLanguage {
  const wanted = likely(tag ?? '');
  if (!wanted) return DEFAULT_LANGUAGE;
  const candidates = WIDGET_LANGUAGES.map((lang) => ({ lang, locale: likely(lang) }));
  const same = (locale: Intl.Locale | undefined, region: boolean) =>
    locale?.language === wanted.language &&
    locale.script === wanted.script &&
    (!region || locale.region === wanted.region);
  return (
    (
      candidates.find(({ locale }) => same(locale, true)) ??
      candidates.find(({ locale }) => same(locale, false))
    )?.lang ?? DEFAULT_LANGUAGE
  );
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/**
 * Builds a translator for `messages`. A missing or empty string falls back to `fallback`
 * (English), then to the key itself. Parameter values
 * are inserted as they are and never read as placeholders or markup (Lit renders them as text).
 */
export function createTranslator(
  lang: string,
  messages: Messages,
  fallback: Messages = {},
): Translate {
  const plurals = new Intl.PluralRules(lang);
  // An empty translation counts as missing, as with i18next's `returnEmptyString: false`: the
  // English label is better than a blank one.
  const lookup = (key: string): string | undefined =>
    Object.hasOwn(messages, key) && messages[key] !== ''
      ? messages[key]
      : Object.hasOwn(fallback, key) && fallback[key] !== ''
        ? fallback[key]
        : undefined;
  return (key, params = {}) => {
    const count = params['count'];
    const template =
      (typeof count === 'number'
        ? (lookup(`${key}_${plurals.select(count)}`) ?? lookup(`${key}_other`))
        : undefined) ??
      lookup(key) ??
      key;
    return template.replace(PLACEHOLDER, (placeholder, name: string) => {
      const value = params[name];
      return value === undefined ? placeholder : String(value);
    });
  };
}

/**
 * A language's strings with English underneath: every key English has, in the language where it
 * is translated (an empty string is not). The site and the standalone bundle ship every language
 * this way, so a string a translation lacks shows in English, never as its key.
 */
export function withEnglishFallback(messages: Messages, english: Messages): Messages {
  return {
    ...english,
    ...Object.fromEntries(Object.entries(messages).filter(([, text]) => text !== '')),
  };
}

/**
 * Loads the strings of a language: one chunk per `locales/<lang>/widget.json` (bundlers make one
 * for each folder the pattern matches), so a reader downloads only theirs. Used when the host
 * page does not pass `messages`.
 */
export async function loadMessages(lang: WidgetLanguage): Promise<Messages> {
  return (await import(`../../locales/${lang}/widget.json`, { with: { type: 'json' } })).default;
}
