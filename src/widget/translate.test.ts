import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTranslator, loadMessages, resolveLanguage } from './translate.ts';

test('chooses the widget language for a page language', () => {
  const table: [string | null, string][] = [
    ['ja', 'ja-JP'],
    ['ja-JP', 'ja-JP'],
    ['zh-TW', 'zh-TW'],
    ['zh-Hant-HK', 'zh-TW'],
    ['zh-CN', 'en'],
    ['fr', 'en'],
    ['', 'en'],
    [null, 'en'],
  ];
  for (const [tag, lang] of table) assert.equal(resolveLanguage(tag), lang, String(tag));
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

test('loads each language’s strings', async () => {
  assert.equal((await loadMessages('ja-JP'))['form.submit'], '送信');
  assert.equal((await loadMessages('zh-TW'))['form.submit'], '提交');
  assert.equal((await loadMessages('en'))['form.submit'], 'Submit');
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
