import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatArticleDate, parseMsDate } from './article-date.ts';

test('reads ms.date as month/day/year', () => {
  assert.equal(parseMsDate('04/07/2020').toISOString(), '2020-04-07T00:00:00.000Z');
});

const formats = [
  ['en', 'April 7, 2020'],
  ['ja-JP', '2020年4月7日'],
  ['zh-TW', '2020年4月7日'],
] as const;
for (const [lang, expected] of formats) {
  test(`formats an article date for ${lang} as ${expected}`, () => {
    assert.equal(formatArticleDate(parseMsDate('04/07/2020'), lang), expected);
  });
}

for (const bad of ['2020-04-07', '13/01/2020', '02/30/2020', 'April 7']) {
  test(`rejects ms.date "${bad}" with the value in the message`, () => {
    assert.throws(() => parseMsDate(bad), new RegExp(`ms\\.date "${bad}"`));
  });
}
