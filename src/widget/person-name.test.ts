import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { formatPersonName } from './person-name.ts';
import { createTranslator } from './translate.ts';

const translator = (lang: string) =>
  createTranslator(
    lang,
    JSON.parse(readFileSync(new URL(`../../locales/${lang}/widget.json`, import.meta.url), 'utf8')),
  );

test('writes a Latin name given name first in every language', () => {
  for (const lang of ['en', 'ja-JP', 'zh-TW'])
    assert.equal(formatPersonName(translator(lang), 'John', 'Smith'), 'John Smith', lang);
});

test('writes a Chinese or Japanese name as the language orders it', () => {
  const zh = translator('zh-TW');
  assert.equal(
    formatPersonName(zh, '大文', '陳'),
    zh('account.fullName', { firstName: '大文', lastName: '陳' }),
  );
  assert.match(formatPersonName(zh, '大文', '陳'), /^陳\s?大文$/);
  assert.match(formatPersonName(translator('ja-JP'), '太郎', '山田'), /^山田\s?太郎$/);
  assert.equal(formatPersonName(translator('en'), '太郎', '山田'), '山田 太郎');
});

test('shows one name alone without a stray space', () => {
  assert.equal(formatPersonName(translator('en'), '', ' Smith '), 'Smith');
});
