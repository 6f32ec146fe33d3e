/**
 * The widget's strings: i18next's resource format (flat keys, `{{name}}` placeholders, `_one`/
 * `_other` plural suffixes chosen with `Intl.PluralRules`), read by a translator small enough for
 * the widget's size budget. The locale files stay plain i18next JSON, so the site's i18next and
 * translators' tools read them unchanged.
 */

/** Languages the widget has strings for; any other language falls back to English. */
export const WIDGET_LANGUAGES = ['en', 'ja-JP', 'zh-TW'] as const;

/** A language the widget has strings for. */
export type WidgetLanguage = (typeof WIDGET_LANGUAGES)[number];

/**
 * The `X-Locale` the widget sends in each language, so Partner Center's own messages (address
 * validation's `validationMessage`) come in the language the rest of the widget speaks.
 */
export const SERVICE_LOCALES: Readonly<Record<WidgetLanguage, string>> = {
  en: 'en-US',
  'ja-JP': 'ja-JP',
  'zh-TW': 'zh-TW',
};

/** The UI strings of one language: flat dot-separated keys to i18next strings. */
export type Messages = Readonly<Record<string, string>>;

/** Values for a message's placeholders; a numeric `count` also picks the plural form. */
export type TranslateParams = Readonly<Record<string, string | number | undefined>>;

/** Turns a key and its parameters into text in the translator's language. */
export type Translate = (key: string, params?: TranslateParams) => string;

/**
 * Picks the widget language for a BCP-47 tag: `ja` and `ja-JP` → `ja-JP`; Traditional Chinese
 * (`zh-TW`, `zh-Hant`, `zh-HK`, `zh-MO`) → `zh-TW`; everything else, Simplified Chinese included,
 * → `en`, because showing Traditional characters to a Simplified reader is worse than English.
 */
export function resolveLanguage(tag: string | null | undefined): WidgetLanguage {
  const parts = (tag ?? '').trim().toLowerCase().split(/[-_]/);
  if (parts[0] === 'ja') return 'ja-JP';
  if (parts[0] === 'zh' && parts.slice(1).some((part) => ['tw', 'hant', 'hk', 'mo'].includes(part)))
    return 'zh-TW';
  return 'en';
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
 * Loads the strings of a language: one chunk per language, so a reader downloads only theirs.
 * Used when the host page does not pass `messages`.
 */
export async function loadMessages(lang: WidgetLanguage): Promise<Messages> {
  switch (lang) {
    case 'ja-JP':
      return (await import('../../locales/ja-JP/widget.json', { with: { type: 'json' } })).default;
    case 'zh-TW':
      return (await import('../../locales/zh-TW/widget.json', { with: { type: 'json' } })).default;
    default:
      return (await import('../../locales/en/widget.json', { with: { type: 'json' } })).default;
  }
}
