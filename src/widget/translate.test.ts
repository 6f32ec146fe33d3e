import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import {
  createTranslator,
  loadMessages,
  resolveLanguage,
  serviceLocale,
  WIDGET_LANGUAGES,
  withEnglishFallback,
} from './translate.ts';

/** A language's widget strings as the locale file has them: tests never pin a translation. */
const localeFile = (lang: string): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`../../locales/${lang}/widget.json`, import.meta.url), 'utf8'));

test('chooses the widget language for a page language', () => {
  const table: [string | null, string][] = [
    ['ja', 'ja-JP'],
    ['ja-JP', 'ja-JP'],
    ['zh-TW', 'zh-TW'],
    ['zh-Hant-HK', 'zh-TW'],
    ['zh-hant', 'zh-TW'],
    ['ja_JP', 'ja-JP'],
    ['en-GB', 'en'],
    ['zh', 'en'],
    ['not a tag', 'en'],
    ['zh-CN', 'en'],
    ['fr', 'en'],
    ['', 'en'],
    [null, 'en'],
  ];
  for (const [tag, lang] of table) assert.equal(resolveLanguage(tag), lang, String(tag));
});

test('speaks every language that has a locale folder, and sends its locale to the service', () => {
  const folders = readdirSync(new URL('../../locales/', import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  assert.deepEqual([...WIDGET_LANGUAGES].sort(), folders.sort());
  assert.deepEqual(WIDGET_LANGUAGES.map(serviceLocale), ['en-US', 'ja-JP', 'zh-TW']);
});

test('fills placeholders and picks English plural forms', () => {
  const t = createTranslator('en', {
    'a.count_one': '{{count}} customer',
    'a.count_other': '{{ count }} customers',
    b: 'Hi {{name}}',
  });
  assert.equal(t('a.count', { count: 1 }), '1 customer');
  assert.equal(t('a.count', { count: 3 }), '3 customers');
  assert.equal(t('b', { name: '{{count}} <b>' }), 'Hi {{count}} <b>');
});

test('uses _other in Japanese and falls back to English, then to the key', () => {
  const t = createTranslator(
    'ja-JP',
    { 'a.count_other': '{{count}} 件' },
    { 'only.english': 'English' },
  );
  assert.equal(t('a.count', { count: 1 }), '1 件');
  assert.equal(t('only.english'), 'English');
  assert.equal(t('missing.key'), 'missing.key');
});

test('loads each language’s strings as its locale file has them', async () => {
  for (const lang of WIDGET_LANGUAGES) {
    assert.equal((await loadMessages(lang))['form.submit'], localeFile(lang)['form.submit']);
  }
});

test('treats an empty translation as missing and shows English instead', () => {
  const t = createTranslator('ja-JP', { 'a.label': '' }, { 'a.label': 'Label' });
  assert.equal(t('a.label'), 'Label');
});

test('fills what a translation lacks with English, and keeps what it has', () => {
  const english = localeFile('en');
  const japanese = { ...localeFile('ja-JP') };
  delete japanese['customers.heading'];
  japanese['form.submit'] = '';
  const merged = withEnglishFallback(japanese, english);
  assert.equal(merged['customers.heading'], english['customers.heading']);
  assert.equal(merged['form.submit'], english['form.submit']);
  assert.equal(merged['widget.label'], localeFile('ja-JP')['widget.label']);
  assert.deepEqual(Object.keys(merged).sort(), Object.keys(english).sort());
});

test('reads every widget string exactly as i18next does, in every language', async () => {
  const { default: i18next } = await import('i18next');
  const { readUiStrings, placeholdersOf } = await import('../site/locale-files.ts');
  const localesDir = new URL('../../locales/', import.meta.url).pathname;
  const byLang = readUiStrings(localesDir, ['widget.json']);
  for (const [lang, messages] of Object.entries(byLang)) {
    const reference = i18next.createInstance();
    await reference.init({
      lng: lang,
      resources: { [lang]: { translation: messages } },
      interpolation: { escapeValue: false },
      keySeparator: false,
    });
    const t = createTranslator(lang, messages);
    const keys = new Set(
      Object.keys(messages).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')),
    );
    for (const key of keys) {
      const names = new Set(
        Object.entries(messages)
          .filter(([candidate]) => candidate === key || candidate.startsWith(`${key}_`))
          .flatMap(([, text]) => placeholdersOf(text)),
      );
      const counts =
        names.has('count') || !Object.hasOwn(messages, key) ? [0, 1, 2, 21] : [undefined];
      for (const count of counts) {
        const params = Object.fromEntries([...names].map((name) => [name, `‹${name}›`]));
        if (count !== undefined) params['count'] = count as unknown as string;
        assert.equal(
          t(key, params),
          (reference.t as (key: string, options: object) => string)(key, params),
          `${lang} ${key} ${JSON.stringify(params)}`,
        );
      }
    }
  }
});
