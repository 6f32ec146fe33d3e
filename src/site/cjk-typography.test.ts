import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cjkTypography } from './cjk-typography.ts';

test('keeps a bracketed UI term on one line, with its corner brackets', () => {
  assert.equal(
    cjkTypography('<p><strong>[顧客]</strong> を選択し、「[アカウント]」を開きます。</p>'),
    '<p><strong><span class="ui-term">[顧客]</span></strong> を選択し、<span class="ui-term">「[アカウント]」</span>を開きます。</p>',
  );
});

test('drops the half-width space after a full-width full stop', () => {
  assert.equal(
    cjkTypography('<p>選択します。 次に一覧から選びます。 <a href="x/">リンク</a></p>'),
    '<p>選択します。次に一覧から選びます。<a href="x/">リンク</a></p>',
  );
});

test('leaves code and English text alone', () => {
  const html = '<p><code>a[0]。 b</code><span lang="en">[Customers]</span></p>';
  assert.equal(cjkTypography(html), html);
});

test('keeps text as text: nothing in it becomes markup', () => {
  assert.equal(
    cjkTypography('<p>&lt;img src=x&gt; [&lt;b&gt;]</p>'),
    '<p>&#x3C;img src=x> <span class="ui-term">[&#x3C;b>]</span></p>',
  );
});
