import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Segment } from '../../article/segments-schema.ts';
import { alignEditedBlocks, markSegmentBlocks } from './segment-blocks.ts';

const segment = (id: string, target: string): Segment => ({
  id,
  source: `English of ${id}`,
  target,
  sourceHash: '0123456789abcdef',
});

const segments = [
  segment('s-1', 'パートナー センターでは、顧客の請求情報やその他の企業詳細情報を更新できます。'),
  segment('s-2', '[アクセス許可を付与する](x.md) こともできます。'),
  segment('s-3', '顧客の詳細を更新する'),
  segment('s-4', '顧客メニューで **[アカウント]**、**[更新]** の順に選びます。'),
  segment('s-5', '変更後、**[送信]** を選択します。'),
];

/** The page after marking, and the ids placed. */
function mark(html: string): { html: string; placed: string[] } {
  const tree = fromHtml(html, { fragment: true });
  const placed = markSegmentBlocks(tree, segments);
  return { html: toHtml(tree), placed };
}

test('gives a paragraph a translator reworded its segments, marked as edited', () => {
  const { html, placed } = mark(
    '<p>パートナー センターでは、顧客の請求情報やその他の会社の詳細情報を更新できます。 <a href="x/">アクセス許可を付与する</a> こともできます。</p>' +
      '<h2>顧客の詳細を更新する</h2>',
  );
  assert.match(html, /<p data-segment="s-1 s-2" data-segment-edited="">/);
  assert.match(html, /<h2 data-segment="s-3">/);
  assert.deepEqual(placed, ['s-1', 's-2', 's-3']);
});

test('aligns edited list items one by one, between the blocks that match exactly', () => {
  const { html } = mark(
    '<h2>顧客の詳細を更新する</h2><ol>' +
      '<li>顧客メニューで <strong>[アカウント]</strong>、次に <strong>[更新]</strong> を選びます。</li>' +
      '<li>変更したら、<strong>[送信]</strong> を選択します。</li></ol>',
  );
  assert.match(html, /<li data-segment="s-4" data-segment-edited="">/);
  assert.match(html, /<li data-segment="s-5" data-segment-edited="">/);
});

test('leaves unmarked a sentence a translator added, and a paragraph rewritten beyond recognition', () => {
  const { html } = mark(
    '<h2>顧客の詳細を更新する</h2><ol>' +
      '<li>まずブラウザーでサインインしておきます。</li>' +
      '<li>顧客メニューで <strong>[アカウント]</strong>、<strong>[更新]</strong> の順に選びます。</li>' +
      '<li>終わったら保存ボタンを押してください。</li></ol>',
  );
  assert.match(html, /<li>まずブラウザーでサインインしておきます。<\/li>/);
  assert.match(html, /<li data-segment="s-4">/);
  assert.match(html, /<li>終わったら保存ボタンを押してください。<\/li>/);
});

test('keeps blocks and segments in order, skipping a deleted sentence', () => {
  assert.deepEqual(
    alignEditedBlocks(
      ['最初の文を少し直しました。', '三番目の文も直しました。'],
      ['最初の文を少し直します。', '削除された二番目の文です。', '三番目の文も直します。'],
    ),
    [[0], [2]],
  );
});

test('gives one edited block the several segments it was made of', () => {
  assert.deepEqual(
    alignEditedBlocks(
      ['一つ目の文を直した。二つ目の文も直した。'],
      ['一つ目の文を直す。', '二つ目の文も直す。'],
    ),
    [[0, 1]],
  );
});
