import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Segment } from '../article/segments-schema.ts';
import { articleHtml } from './article-html.ts';
import { cjkTypography } from './cjk-typography.ts';
import { sanitizeArticleHtml } from './sanitize-article-html.ts';
import { annotateTranslation } from './translation/annotate-translation.ts';
import { sourceHashOf } from './translation/outdated-segments.ts';

const segment = (id: string, source: string, target: string): Segment => ({
  id,
  source,
  target,
  sourceHash: sourceHashOf(source),
});
const segments = [
  segment('s-1', 'In Partner Center, you can update it.', 'パートナー センターでは更新できます。'),
  segment('s-2', 'From the menu, select **Customers**.', 'メニューで **[顧客]** を選択します。'),
];
const outdated = [{ id: 's-2', currentSource: 'From the menu, select **Clients**.' }];
const labels = { currentEnglish: 'Changed:', removedInEnglish: 'Removed.' };
const html =
  '<p onclick="alert(1)">パートナー センターでは更新できます。 <script>alert(2)</script></p>' +
  '<ol><li>メニューで <strong>[顧客]</strong> を選択します。</li></ol>' +
  '<p><a href="javascript:alert(3)">リンク</a> <code>[x]。 y</code></p>';

test('parsing once gives the page what sanitizing, CJK typography and annotating one by one give', () => {
  assert.equal(
    articleHtml(html, { cjk: true, translation: { segments, outdated, labels } }),
    annotateTranslation(cjkTypography(sanitizeArticleHtml(html)), segments, outdated, labels),
  );
  assert.equal(articleHtml(html, { cjk: false }), sanitizeArticleHtml(html));
});

test('sanitizes before anything is added in trusted code', () => {
  const out = articleHtml(html, { cjk: true, translation: { segments, outdated, labels } });
  assert.doesNotMatch(out, /onclick|<script|javascript:/);
  assert.match(out, /<li data-segment="s-2" data-outdated="">/);
  assert.match(out, /<span class="ui-term">\[顧客\]<\/span>/);
});
