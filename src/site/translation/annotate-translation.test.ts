import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Segment } from '../../article/segments-schema.ts';
import { annotateTranslation } from './annotate-translation.ts';
import { sourceHashOf } from './outdated-segments.ts';
import { segmentPlainText } from './segment-text.ts';

const segment = (id: string, source: string, target: string): Segment => ({
  id,
  source,
  target,
  sourceHash: sourceHashOf(source),
});

const segments = [
  segment('s-1', 'Title', 'タイトル'),
  segment('s-2', 'In Partner Center, you can update it.', 'パートナー センターでは更新できます。'),
  segment('s-3', 'You can also [do more](x.md).', '[さらに操作する](x.md) こともできます。'),
  segment('s-4', 'Update details', '詳細を更新する'),
  segment('s-5', 'From the menu, select **Customers**.', 'メニューで **[顧客]** を選択します。'),
];
const labels = { currentEnglish: 'Changed:', removedInEnglish: 'Removed.' };
const html =
  '<p>パートナー センターでは更新できます。 <a href="x/">さらに操作する</a> こともできます。</p>' +
  '<div class="sl-heading-wrapper level-h2"><h2 id="update">詳細を更新する</h2><a class="sl-anchor-link" href="#update">#</a></div>' +
  '<ol><li>メニューで <strong>[顧客]</strong> を選択します。</li><li>翻訳者が書き足した文。</li></ol>';

test('gives each translated block the ids of the segments it is made of, in order', () => {
  const out = annotateTranslation(html, segments, [], labels);
  assert.match(out, /<p data-segment="s-2 s-3">/);
  assert.match(out, /<h2 id="update" data-segment="s-4">/);
  assert.match(out, /<li data-segment="s-5">/);
});

test('leaves a block unmarked when its text is not exactly its segments', () => {
  const out = annotateTranslation(html, segments, [], labels);
  assert.match(out, /<li>翻訳者が書き足した文。<\/li>/);
});

test('shows the current English of an outdated sentence as text in lang="en" under its block', () => {
  const out = annotateTranslation(
    html,
    segments,
    [{ id: 's-5', currentSource: 'From the menu, select <b>Clients</b> & **go**.' }],
    labels,
  );
  assert.match(out, /<li data-segment="s-5" data-outdated="">/);
  assert.match(
    out,
    /<div class="segment-note segment-note--outdated" role="note"><span class="segment-note__label">Changed:<\/span> <span lang="en">From the menu, select Clients &#x26; go\.<\/span><\/div><\/li>/,
  );
});

test('puts the note of an outdated heading below its heading wrapper', () => {
  const out = annotateTranslation(html, segments, [{ id: 's-4', currentSource: '' }], labels);
  assert.match(
    out,
    /<\/a><\/div><div class="segment-note segment-note--outdated" role="note"><span class="segment-note__label">Removed\.<\/span><\/div><ol>/,
  );
});

test('turns segment Markdown into the text a reader sees', () => {
  assert.equal(
    segmentPlainText('You can also [give **permission**](give.md) to `admins`.'),
    'You can also give permission to admins.',
  );
  assert.equal(segmentPlainText('<a name="x"></a>Heading'), 'Heading');
});
