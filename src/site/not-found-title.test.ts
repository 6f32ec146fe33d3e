import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notFoundTitle } from './not-found-title.ts';

test('says the title in every language, each part in its own lang', () => {
  const title = notFoundTitle([
    { lang: 'en', text: 'Page not found' },
    { lang: 'ja-JP', text: 'ページが見つかりません' },
  ]);
  assert.equal(title.text, 'Page not found / ページが見つかりません');
  assert.equal(
    title.html,
    '<span lang="en">Page not found</span> / <span lang="ja-JP">ページが見つかりません</span>',
  );
});

test('escapes markup a translator typed into a title', () => {
  const title = notFoundTitle([{ lang: 'en', text: '<img src=x onerror=alert(1)>' }]);
  assert.equal(title.html, '<span lang="en">&#x3C;img src=x onerror=alert(1)></span>');
});

test('leaves out a language whose title is missing', () => {
  assert.equal(
    notFoundTitle([
      { lang: 'en', text: 'Page not found' },
      { lang: 'zh-TW', text: '' },
    ]).text,
    'Page not found',
  );
});
