import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { importSxsArticle, type ImportedArticle } from './article.ts';
import { ImportError } from './import-error.ts';
import { fixturePath, lineContaining, seedPath } from './test-helpers.ts';

function importFile(path: string): ImportedArticle {
  return importSxsArticle(readFileSync(path, 'utf8'), {
    sourcePath: 'input.md',
    imageExists: () => false,
  });
}

const seedFrontmatter = (
  title: string,
  suffix: string,
  description: string,
  locale: string,
  locfileid: string,
  label: string,
  items: string[],
): string => `---
title: ${title}
titleSuffix: ${suffix}
ms.topic: article
ms.date: 04/07/2020
ms.service: partner-dashboard
ms.subservice: partnercenter-csp
description: ${description}
ms.assetid: 7ECE7165-0B0D-4183-845F-9F7B62056207
author: LauraBrenner
ms.author: labrenne
ms.localizationpriority: medium
ms.openlocfilehash: c5265fd7b6eb93e897929212b30bb045bae7e462
ms.sourcegitcommit: faf7b1ac1653497f963b428bbfafcd821378adaa
ms.translationtype: MT
ms.contentlocale: ${locale}
ms.lasthandoff: 05/05/2020
ms.locfileid: "${locfileid}"
appliesToLabel: ${label}
appliesTo:
${items.map((item) => `  - ${item}`).join('\n')}
---
`;

const JA_SEED = `${seedFrontmatter('顧客のアカウント情報の更新', 'パートナー センター', 'パートナー センターでは、顧客の請求情報やその他の企業詳細情報を更新できます。', 'ja-JP', '82797770', '適用対象', ['パートナー センター', '米国政府機関向け Microsoft Cloud のパートナー センター'])}
パートナー センターでは、顧客の請求情報やその他の企業詳細情報を更新できます。 [顧客が自分の製品またはサービスを購入するためのアクセス許可を付与または削除する](give-customers-permission.md) を使用することもできます。

## <a name="update-customer-details"></a>顧客の詳細を更新する

1.  **パートナー センター** メニューで、**[顧客]** を選択します。 次に一覧から顧客を選びます。
2.  顧客メニューで **[アカウント]**、**[更新]** の順に選びます。
3.  変更後、**[送信]** を選択します。
`;

const ZH_SEED = `${seedFrontmatter('更新客戶帳戶資訊', '合作夥伴中心', '在合作夥伴中心，您可以更新客戶帳單資訊和其他公司詳細資料。', 'zh-TW', '82797766', '適用於', ['合作夥伴中心', 'Microsoft Cloud for US Government 適用的合作夥伴中心'])}
在合作夥伴中心，您可以更新客戶帳單資訊和其他公司詳細資料。 您也可以 [為客戶提供或移除您的許可權以購買自己的產品或服務](give-customers-permission.md)。

## <a name="update-customer-details"></a>更新客戶詳細資料

1.  從 [**合作夥伴中心**] 功能表中，選取 [**客戶**]。 然後從清單中選擇客戶
2.  在客戶功能表中，依序選取 **\\[帳戶\\]** 和 **\\[更新\\]**。
3.  在您進行變更之後，請選取 **[提交]**。
`;

const EN_SEED = `---
title: Update customer account info
ms.topic: article
ms.date: 04/07/2020
ms.service: partner-dashboard
ms.subservice: partnercenter-csp
ms.assetid: 7ECE7165-0B0D-4183-845F-9F7B62056207
author: LauraBrenner
ms.author: labrenne
ms.localizationpriority: medium
ms.sourcegitcommit: faf7b1ac1653497f963b428bbfafcd821378adaa
ms.contentlocale: en-US
appliesToLabel: Applies to
appliesTo:
  - Partner Center
  - Partner Center for Microsoft Cloud for US Government
---

In Partner Center, you can update a customer's billing information and other company details. You can also [give or remove your permission for a customer to purchase their own products or services](give-customers-permission.md).

## <a name="update-customer-details"></a>Update customer details

1.  From the **Partner Center** menu, select **Customers**. Then choose a customer from the list
2.  From the customer menu, select **Account** and then **Update**.
3.  After you've made your changes, select **Submit**.
`;

test('turns the ja-JP seed into clean Markdown with its link repaired', () => {
  const article = importFile(seedPath('ja-jp/partner-center/update-customer-account-info.md'));
  assert.equal(article.translated, JA_SEED);
  assert.equal(article.localeFolder, 'ja-jp');
  assert.deepEqual([article.segmentsRead, article.segmentsWritten, article.warnings], [11, 11, []]);
});

test('turns the zh-TW seed into clean Markdown with its link and bold repaired', () => {
  const article = importFile(seedPath('zh-tw/partner-center/update-customer-account-info.md'));
  assert.equal(article.translated, ZH_SEED);
  assert.deepEqual([article.segmentsRead, article.segmentsWritten, article.warnings], [11, 11, []]);
});

test('rebuilds the same English page from either seed', () => {
  assert.equal(
    importFile(seedPath('ja-jp/partner-center/update-customer-account-info.md')).english,
    EN_SEED,
  );
  assert.equal(
    importFile(seedPath('zh-tw/partner-center/update-customer-account-info.md')).english,
    EN_SEED,
  );
});

test('lists every segment in the sidecar as written, with a hash of the English', () => {
  const { sidecar } = importFile(seedPath('zh-tw/partner-center/update-customer-account-info.md'));
  assert.equal(sidecar.locale, 'zh-TW');
  assert.equal(sidecar.sourceCommit, 'faf7b1ac1653497f963b428bbfafcd821378adaa');
  assert.equal(sidecar.segments.length, 11);
  assert.deepEqual(sidecar.segments.map((segment) => segment.id).slice(0, 3), [
    '2a98a-103',
    '2a98a-104',
    '2a98a-105',
  ]);
  assert.deepEqual(sidecar.segments[5], {
    id: '2a98a-108',
    source:
      'You can also [give or remove your permission for a customer to purchase their own products or services](give-customers-permission.md).',
    target:
      '您也可以 [為客戶提供或移除您的許可權以購買自己的產品或服務](give-customers-permission.md)。',
    sourceHash: '353582b7c06aef6d',
  });
  assert.equal(sidecar.segments[6]?.target, '更新客戶詳細資料');
});

const quirksFile = fixturePath('ja-jp/partner-center/quirks.md');
const quirks = importFile(quirksFile);
const frontmatterOf = (page: string): Record<string, unknown> =>
  parse(page.split('---\n')[1] ?? '', { schema: 'yaml-1.1' });

const quirkCases: Array<[name: string, translated: string, english: string]> = [
  ['keeps an ISO-looking date a quoted string', 'ms.date: "2020-04-07"', 'ms.date: "2020-04-07"'],
  ['keeps a quoted number a quoted string', 'ms.locfileid: "82797770"', 'ms.contentlocale: en-US'],
  [
    'writes a pseudo-heading one level below the preceding heading, with an English anchor',
    '### <a name="first-steps"></a>最初の手順\n',
    '### <a name="first-steps"></a>First steps\n',
  ],
  [
    'turns a note inside a list item into an indented aside',
    '\n\n    :::note\n    入れ子の注意。\n    :::\n\n',
    '\n\n    :::note\n    A nested note.\n    :::\n\n',
  ],
  [
    'separates an aside from the table right before it',
    '|値|\n\n:::caution\n表の直後の重要事項。\n:::\n',
    '|Value|\n\n:::caution\nAn important note right after a table.\n:::\n',
  ],
  [
    'maps a translated alert marker to a note',
    ':::note\n翻訳されたマーカー。\n:::',
    ':::note\nA translated marker.\n:::',
  ],
  [
    'escapes angle-bracket placeholders but keeps real HTML and code',
    '/subscriptions/&lt;Subscription ID>/vm/&lt;VM Instance Name> を開きます。 `<code>` は<br>そのまま<sup>1</sup>。',
    'Open /subscriptions/&lt;Subscription ID>/vm/&lt;VM Instance Name>. `<code>` stays<br>as is<sup>1</sup>.',
  ],
  [
    'repairs an inline link and two reference links',
    '詳細は [顧客の管理](manage-customers.md) を参照してください。 [請求書](invoice.md) と [価格](pricing.md) をご覧ください。',
    'For details, see [Manage customers](manage-customers.md). See [invoices](invoice.md) and [prices](pricing.md).',
  ],
  [
    'turns a raw anchor into a Markdown link',
    '[別の記事](other.md) もあります。',
    'There is also [another article](other.md).',
  ],
  [
    'cleans a raw anchor inside an HTML block but keeps it HTML',
    '<p>詳細は <a href="customer-self-support.md">セルフ サポート</a> を参照。</p>',
    '<p>See <a href="customer-self-support.md">Customer self-support</a>.</p>',
  ],
  ['repairs escaped empty bold markers', '1.  **[提交]** を選択します。', '1.  Select **Submit**.'],
  [
    'keeps an image, with an alt from its file name in English',
    '![スクリーンショット](images/missing.png)',
    '![missing](images/missing.png)',
  ],
  ['keeps HTML comments', '<!-- a comment stays -->', '<!-- a comment stays -->'],
];

for (const [name, translated, english] of quirkCases) {
  test(name, () => {
    assert.ok(
      quirks.translated.includes(translated),
      `translated page lacks ${JSON.stringify(translated)}:\n${quirks.translated}`,
    );
    assert.ok(
      quirks.english.includes(english),
      `English page lacks ${JSON.stringify(english)}:\n${quirks.english}`,
    );
  });
}

test('moves the title suffix, the H1, Applies to and roles into the front matter', () => {
  const frontmatter = frontmatterOf(quirks.translated);
  assert.equal(frontmatter['title'], 'クォークの記事');
  assert.equal(frontmatter['titleSuffix'], 'パートナー センター');
  assert.equal(frontmatter['heading'], 'クォーク記事');
  assert.deepEqual(frontmatter['appliesTo'], ['パートナー センター']);
  assert.deepEqual(frontmatter['roles'], ['グローバル管理者', '管理エージェント']);
  assert.doesNotMatch(quirks.translated, /^# |適用対象\*\*|Applies to/m);
});

test('normalizes capitalized Description and Keywords and keeps unknown ms keys in order', () => {
  const keys = Object.keys(frontmatterOf(quirks.translated));
  assert.deepEqual(keys.slice(0, 12), [
    'title',
    'titleSuffix',
    'ms.topic',
    'ms.date',
    'ms.service',
    'description',
    'keywords',
    'ms.custom',
    'ms.unknownkey',
    'ms.sourcegitcommit',
    'ms.translationtype',
    'ms.contentlocale',
  ]);
});

test('gives the English page only language-neutral keys and English lists', () => {
  const frontmatter = frontmatterOf(quirks.english);
  assert.deepEqual(Object.keys(frontmatter), [
    'title',
    'ms.topic',
    'ms.date',
    'ms.service',
    'ms.custom',
    'ms.sourcegitcommit',
    'ms.contentlocale',
    'appliesToLabel',
    'appliesTo',
    'rolesLabel',
    'roles',
  ]);
  assert.equal(frontmatter['title'], 'Quirks article');
  assert.deepEqual(frontmatter['roles'], ['Global admin', 'Admin agent']);
});

test('warns with the line of links that cannot be paired and of missing images', () => {
  assert.deepEqual(
    quirks.warnings.map((warning) => [warning.kind, warning.line]),
    [
      ['missing-image', lineContaining(quirksFile, 'images/missing.png')],
      ['unpaired-links', lineContaining(quirksFile, 'f1a2b-121')],
    ],
  );
  assert.ok(quirks.translated.includes('リンクが [壊れて] (a.md) います [二つ] (b.md)。'));
});

test('counts every segment read as written', () => {
  assert.equal(quirks.segmentsRead, 21);
  assert.equal(quirks.segmentsWritten, 21);
  assert.doesNotMatch(
    quirks.translated + quirks.english,
    /span|data-ttu-id|data-raw-source|[\uE000-\uE005]/,
  );
});

const missingTitleFile = fixturePath('hostile/ja-jp/partner-center/missing-title.md');
const withTitleLine = (line: string): string =>
  readFileSync(missingTitleFile, 'utf8').replace('---\n', `---\n${line}\n`);
const untitled: Array<[name: string, text: string]> = [
  ['has no title', readFileSync(missingTitleFile, 'utf8')],
  ['has an empty title', withTitleLine('title: ""')],
  ['has a title with no value', withTitleLine('title:')],
  ['has a title of spaces', withTitleLine('title: "   "')],
];

for (const [name, text] of untitled) {
  test(`takes the H1 as the title, written once, when the front matter ${name}`, () => {
    const article = importSxsArticle(text, { sourcePath: 'input.md', imageExists: () => false });
    const frontmatter = frontmatterOf(article.translated);
    assert.equal(frontmatter['title'], '顧客の詳細を更新する');
    assert.equal(frontmatter['heading'], undefined);
    assert.equal(frontmatterOf(article.english)['title'], 'Update customer details');
    assert.deepEqual([article.segmentsRead, article.segmentsWritten], [2, 2]);
  });
}

test('keeps a numeric title as its text, with the H1 as the heading', () => {
  const article = importFile(fixturePath('hostile/ja-jp/partner-center/numeric-title.md'));
  assert.match(article.translated, /^---\ntitle: "2021"\n/);
  assert.equal(frontmatterOf(article.translated)['heading'], '2021 年の新機能');
  assert.equal(frontmatterOf(article.english)['title'], "What's new in 2021");
  assert.deepEqual([article.segmentsRead, article.segmentsWritten], [2, 2]);
});

test('passes real 2021 front matter through: an ms.custom list and an unquoted ms.locfileid', () => {
  const article = importFile(fixturePath('hostile/ja-jp/partner-center/real-2021-frontmatter.md'));
  const frontmatter = frontmatterOf(article.translated);
  assert.deepEqual(frontmatter['ms.custom'], ['seodec18', 'SEOAPR.20']);
  assert.equal(frontmatter['ms.locfileid'], 75647993);
  assert.deepEqual(frontmatter['f1.keywords'], ['NOCSH']);
  assert.equal(frontmatter['ms.assetid'], '');
  assert.deepEqual(frontmatterOf(article.english)['ms.custom'], ['seodec18', 'SEOAPR.20']);
  assert.deepEqual(article.warnings, []);
});

const numericTitleText = readFileSync(
  fixturePath('hostile/ja-jp/partner-center/numeric-title.md'),
  'utf8',
);
const frontmatterErrors: Array<[key: string, from: string, to: string, message: RegExp]> = [
  [
    'author',
    'ms.topic: article\n',
    'ms.topic: article\nauthor:\n  - a\n  - b\n',
    /^front matter does not fit the article schema: author: Invalid input: expected string/,
  ],
  [
    'ms.contentlocale',
    'ms.contentlocale: ja-JP',
    'ms.contentlocale: ../../../etc',
    /^front matter does not fit the article schema: ms\.contentlocale: Invalid string/,
  ],
  ['title', 'title: 2021', 'title: [2020, 2021]', /^title must be text/],
];

for (const [key, from, to, message] of frontmatterErrors) {
  test(`rejects a bad ${key} at its own line, not at line 1`, () => {
    const text = numericTitleText.replace(from, to);
    const line = text.split('\n').findIndex((row) => row.startsWith(`${key}:`)) + 1;
    assert.throws(
      () => importSxsArticle(text, { sourcePath: 'input.md', imageExists: () => false }),
      (error) => error instanceof ImportError && error.line === line && message.test(error.message),
    );
  });
}
