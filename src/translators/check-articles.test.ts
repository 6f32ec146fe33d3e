import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { siteLocales } from '../site/locales.ts';
import { checkArticles } from './check-articles.ts';
import { formatProblem } from './problem.ts';

const englishPage = `---
title: Update customer account info
ms.contentlocale: en-US
---

Text with a [link](other-article.md).

## <a name="update-customer-details"></a>Update customer details
`;

/** Checks a `content/` folder holding the English page above and the given files. */
function check(files: Record<string, string>): string[] {
  const root = mkdtempSync(join(tmpdir(), 'i18n-articles-'));
  const all = { 'en/partner-center/page.md': englishPage, ...files };
  for (const [path, text] of Object.entries(all)) {
    const file = join(root, 'content', path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return checkArticles({ root, contentDirs: [join(root, 'content')], locales: siteLocales }).map(
    formatProblem,
  );
}

const japanesePage = englishPage
  .replace('Update customer account info', '顧客のアカウント情報の更新')
  .replace('en-US', 'ja-JP')
  .replace('Update customer details', '顧客の詳細を更新する');

test('finds nothing wrong in a good translation', () => {
  assert.deepEqual(check({ 'ja-jp/partner-center/page.md': japanesePage }), []);
});

test('reports a front matter key that breaks the schema, on its line', () => {
  assert.deepEqual(
    check({
      'ja-jp/partner-center/page.md': japanesePage.replace(
        'ms.contentlocale: ja-JP',
        'ms.contentlocale: ja-JP\ntask: do-everything',
      ),
    }),
    [
      'content/ja-jp/partner-center/page.md:4: front matter "task": Invalid input: expected "update-customer-account"',
    ],
  );
});

test('reports a page without a title', () => {
  const problems = check({
    'ja-jp/partner-center/page.md': japanesePage.replace('title: 顧客のアカウント情報の更新\n', ''),
  });
  assert.equal(problems.length, 1);
  assert.match(
    problems[0] ?? '',
    /^content\/ja-jp\/partner-center\/page\.md:1: front matter "title": /,
  );
});

test('reports a heading anchor English has and the translation lost', () => {
  assert.deepEqual(
    check({
      'ja-jp/partner-center/page.md': japanesePage.replace(
        '<a name="update-customer-details"></a>',
        '',
      ),
    }),
    [
      'content/ja-jp/partner-center/page.md: anchor "update-customer-details" is missing: keep <a name="update-customer-details"></a> at the start of the heading, as the English page has it (line 8); links to #update-customer-details lead there in every language',
    ],
  );
});

test('reports a link to an article that resolves nowhere, on its line', () => {
  const problems = check({
    'ja-jp/partner-center/page.md': japanesePage.replace(
      '(other-article.md)',
      '(../nowhere/other-article.md)',
    ),
  });
  assert.deepEqual(problems, [
    'content/ja-jp/partner-center/page.md:6: link "../nowhere/other-article.md" points to an article this site does not have, and folder "nowhere" has no public base URL in src/site/locales.ts',
  ]);
});

test('reports a sidecar whose English was edited by hand', () => {
  const sidecar = {
    format: 1,
    locale: 'ja-JP',
    source: 'x.md',
    sourceCommit: '',
    segments: [
      { id: 'a-1', source: 'Changed by hand', target: '顧客', sourceHash: '0123456789abcdef' },
    ],
  };
  assert.deepEqual(
    check({
      'ja-jp/partner-center/page.md': japanesePage,
      'ja-jp/partner-center/page.segments.json': JSON.stringify(sidecar),
    }),
    [
      'content/ja-jp/partner-center/page.segments.json: segment a-1: sourceHash does not match its English source; the importer writes this file, re-import instead of editing it',
    ],
  );
});

test('only warns about a missing anchor when the page was translated from another English version', () => {
  const english = englishPage.replace(
    'ms.contentlocale: en-US',
    'ms.contentlocale: en-US\nms.sourcegitcommit: aaaa',
  );
  const japanese = japanesePage
    .replace('ms.contentlocale: ja-JP', 'ms.contentlocale: ja-JP\nms.sourcegitcommit: bbbb')
    .replace('<a name="update-customer-details"></a>', '');
  assert.deepEqual(
    check({ 'en/partner-center/page.md': english, 'ja-jp/partner-center/page.md': japanese }),
    [
      'content/ja-jp/partner-center/page.md: warning: anchor "update-customer-details" of the English page (line 9) is missing: this page was translated from another English version (ms.sourcegitcommit bbbb, English aaaa); update the translation',
    ],
  );
});
