import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { importSxsArticle, type ImportedArticle } from './article.ts';
import { activeMarkup } from './test-render.ts';
import { fixturePath, lineContaining } from './test-helpers.ts';

// Each fixture is an sxs article with one kind of hostile markup, in a translated span or between
// spans. Every one must import with all its segments, into pages the browser finds nothing to run
// or load in, with a warning at the line the markup was on.

interface Hostile {
  file: string;
  article: ImportedArticle;
  /** The translated page's body. */
  translated: string;
  /** The English page's body. */
  english: string;
}

function importHostile(name: string): Hostile {
  const file = fixturePath(`hostile/ja-jp/partner-center/${name}.md`);
  const article = importSxsArticle(readFileSync(file, 'utf8'), {
    sourcePath: `${name}.md`,
    imageExists: () => true,
  });
  // The page is front matter, a blank line, then the body.
  const body = (page: string): string => page.slice(page.indexOf('\n---\n\n') + 6);
  return { file, article, translated: body(article.translated), english: body(article.english) };
}

/** Asserts what every hostile fixture must give, and returns its warnings as [line, message]. */
function assertInert(hostile: Hostile): Array<[number, string]> {
  const { article, translated, english } = hostile;
  assert.equal(article.segmentsWritten, article.segmentsRead);
  assert.deepEqual(activeMarkup(translated), [], translated);
  assert.deepEqual(activeMarkup(english), [], english);
  return article.warnings.map((warning) => {
    assert.equal(warning.kind, 'unsafe-markup');
    return [warning.line, warning.message];
  });
}

test('escapes an image with an onerror handler in a translated span as visible text', () => {
  const hostile = importHostile('img-onerror');
  const warnings = assertInert(hostile);
  assert.match(hostile.translated, /画面 &lt;img src=x onerror=alert\(document\.cookie\)> を確認/);
  assert.deepEqual(warnings, [
    [
      lineContaining(hostile.file, 'onerror=alert'),
      'escaped <img src=x onerror=alert(document.cookie)> as text: <img> is not an allowed element',
    ],
  ]);
});

test('escapes an iframe in a translated span as visible text', () => {
  const hostile = importHostile('iframe');
  const warnings = assertInert(hostile);
  assert.ok(hostile.translated.includes('&lt;iframe src="https://evil.example/" srcdoc='));
  assert.ok(hostile.translated.includes('&lt;/iframe>'));
  assert.deepEqual(
    warnings.map(([line]) => line),
    Array(4).fill(lineContaining(hostile.file, '<iframe')),
  );
  assert.match(warnings[0]?.[1] ?? '', /^escaped <iframe src="https:\/\/evil\.example\/"/);
});

test('escapes a details element with an ontoggle handler as visible text', () => {
  const hostile = importHostile('details-ontoggle');
  const warnings = assertInert(hostile);
  assert.ok(hostile.translated.includes('&lt;details open ontoggle=alert(1)>&lt;summary>詳細'));
  assert.equal(warnings[0]?.[0], lineContaining(hostile.file, 'ontoggle=alert'));
});

test('removes javascript: links in spans and between spans and keeps their text', () => {
  const hostile = importHostile('javascript-link');
  const warnings = assertInert(hostile);
  assert.ok(hostile.translated.includes('顧客を管理する を参照してください。'));
  assert.ok(hostile.translated.includes('ここをクリック'));
  assert.ok(hostile.english.includes('See Manage customers.'));
  assert.deepEqual(warnings, [
    [
      lineContaining(hostile.file, 'alert(document.domain)'),
      'removed a link to javascript:alert(document.domain), kept its text',
    ],
    [
      lineContaining(hostile.file, 'JavaScript:alert(1)'),
      'removed a link to JavaScript:alert(1), kept its text',
    ],
  ]);
});

test('removes a data: link and a data: image and keeps the link text and the alt text', () => {
  const hostile = importHostile('data-link-and-image');
  const warnings = assertInert(hostile);
  assert.ok(hostile.translated.includes('請求書をダウンロード します。'));
  assert.ok(hostile.translated.includes('\n請求書の画面\n'));
  assert.equal(hostile.english, 'Download the invoice.\n');
  assert.doesNotMatch(hostile.translated, /data:/);
  assert.deepEqual(
    warnings.map(([line, message]) => [line, message.split(' to ')[0]]),
    [
      [lineContaining(hostile.file, 'data:text/html'), 'removed a link'],
      [lineContaining(hostile.file, 'data:image/svg'), 'removed an image'],
    ],
  );
});

test('escapes a script tag and an image tag split over lines in translated spans', () => {
  const hostile = importHostile('script-split');
  const warnings = assertInert(hostile);
  assert.ok(
    hostile.translated.includes(
      '手順を完了します。&lt;script\n>alert(document.cookie)&lt;/script>',
    ),
  );
  assert.ok(hostile.translated.includes('画像: &lt;img\nsrc=x\nonerror=alert(1)>'));
  assert.deepEqual(warnings, [
    [lineContaining(hostile.file, '<script'), 'escaped <script as text: not an allowed tag'],
    [
      lineContaining(hostile.file, '</script>'),
      'escaped </script> as text: <script> is not an allowed element',
    ],
    [lineContaining(hostile.file, '<img'), 'escaped <img as text: not an allowed tag'],
  ]);
});

test('catches javascript: hidden by character references, tabs, capitals and spaces', () => {
  const hostile = importHostile('entity-javascript');
  const warnings = assertInert(hostile);
  assert.ok(hostile.translated.includes('設定 と 請求 と 注文 と 返金 と 連絡先。'));
  // Link repair has already made the raw anchor a Markdown link, which then loses its target.
  assert.ok(hostile.translated.includes('\nサポート に連絡します。'));
  assert.ok(hostile.english.includes('\nContact support.'));
  assert.equal(warnings.length, 6);
  assert.doesNotMatch(hostile.translated + hostile.english, /script/i);
});

test('removes a link reference definition to javascript: and the link that used it', () => {
  const hostile = importHostile('reference-definition');
  const warnings = assertInert(hostile);
  assert.ok(hostile.translated.endsWith('詳しくは ヘルプ を参照してください。\n'));
  assert.deepEqual(
    warnings.map(([line, message]) => [line, message.split(' to ')[0]?.split(' [')[0]]),
    [
      [lineContaining(hostile.file, '[ヘルプ]'), 'removed a link'],
      [lineContaining(hostile.file, '[help]: javascript'), 'removed the link reference definition'],
    ],
  );
});

test('turns an autolink to javascript: into visible text', () => {
  const hostile = importHostile('autolink-javascript');
  const warnings = assertInert(hostile);
  assert.ok(hostile.translated.includes('開きます: javascript&#58;alert&#40;document.cookie&#41;'));
  assert.deepEqual(warnings, [
    [
      lineContaining(hostile.file, '<javascript:'),
      'turned the autolink javascript:alert(document.cookie) into text',
    ],
  ]);
});

test('drops a style attribute from a paragraph between spans and keeps the paragraph', () => {
  const hostile = importHostile('style-attribute');
  const warnings = assertInert(hostile);
  assert.ok(hostile.translated.startsWith('<p>セッションの有効期限が切れました。'));
  assert.ok(hostile.english.startsWith('<p>Your session has expired.'));
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]?.[1] ?? '', /^dropped style="position:fixed;.*" from <p>$/);
});

test('keeps a <Subscription ID> placeholder visible, without a warning', () => {
  const hostile = importHostile('subscription-id-placeholder');
  assert.deepEqual(assertInert(hostile), []);
  assert.ok(
    hostile.translated.includes(
      '/subscriptions/&lt;Subscription ID>/resourceGroups/&lt;Resource Group> を開きます。',
    ),
  );
  assert.ok(hostile.english.includes('Open /subscriptions/&lt;Subscription ID>/'));
});

test('imports an image whose path is a translated span, writing its segment once', () => {
  const pair = (id: string, text: string): string =>
    `<span data-ttu-id="${id}">${text}</span><span class="sxs-lookup"><span data-stu-id="${id}">${text}</span></span>`;
  const article = importSxsArticle(
    `---\ntitle: 画像\nms.contentlocale: ja-JP\n---\n# ${pair('p-1', '画像')}\n\n![x](${pair('p-2', 'images/a.png')})\n`,
    { sourcePath: 'image-path.md', imageExists: () => true },
  );
  assert.deepEqual([article.segmentsRead, article.segmentsWritten], [2, 2]);
  assert.ok(article.english.endsWith('\n![](images/a.png)\n'));
});
