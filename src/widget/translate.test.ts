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
