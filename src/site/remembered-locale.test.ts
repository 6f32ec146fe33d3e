import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseLocaleFolder } from './remembered-locale.ts';
import { siteLocales } from './locales.ts';

const cases: [string, string | null, string[], string | undefined][] = [
  ['the remembered language wins over the browser', 'zh-tw', ['ja-JP'], 'zh-tw'],
  ['an unknown remembered value is ignored', 'fr', ['ja'], 'ja-jp'],
  ['ja matches ja-JP', null, ['ja'], 'ja-jp'],
  ['en-GB matches English', null, ['en-GB'], 'en'],
  ['zh-Hant-HK matches zh-TW', null, ['zh-Hant-HK'], 'zh-tw'],
  ['zh-HK matches zh-TW', null, ['zh-HK'], 'zh-tw'],
  ['Simplified Chinese falls through to the next language', null, ['zh-CN', 'en-US'], 'en'],
  ['the first language the site has wins', null, ['fr-FR', 'ja-JP', 'en'], 'ja-jp'],
  ['no match leaves the choice to the reader', null, ['fr', 'de'], undefined],
];
for (const [name, remembered, languages, expected] of cases) {
  test(`chooses the start language: ${name}`, () => {
    assert.equal(chooseLocaleFolder(remembered, languages, siteLocales), expected);
  });
}
