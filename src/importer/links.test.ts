import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repairEscapedBold, repairLinks } from './links.ts';

const noDefinitions = new Map<string, string>();

const damagedLinks: Array<[name: string, target: string, source: string, expected: string]> = [
  [
    'a reference link whose target MT cut short',
    '[アクセス許可を付与する] [permission.md] を使用できます。',
    'You can [give permission][give-customers-permission.md].',
    '[アクセス許可を付与する](give-customers-permission.md) を使用できます。',
  ],
  [
    'a reference link whose target MT translated',
    '您也可以 [提供許可權] [提供客戶-permission.md]。',
    'You can also [give permission][give-customers-permission.md].',
    '您也可以 [提供許可權](give-customers-permission.md)。',
  ],
  [
    'an inline link with a space before the target',
    '[顧客の管理] (manage.md) を参照。',
    'See [Manage customers](manage-customers.md).',
    '[顧客の管理](manage-customers.md) を参照。',
  ],
  [
    'an intact inline link',
    '[顧客の管理](manage-customers.md) を参照。',
    'See [Manage customers](manage-customers.md).',
    '[顧客の管理](manage-customers.md) を参照。',
  ],
  [
    'a reference link without a space',
    '[請求書][invoice.md] を参照。',
    'See [invoices][invoice.md].',
    '[請求書](invoice.md) を参照。',
  ],
  [
    'two links, paired by position',
    '[A] (x.md) と [B] [y]',
    'See [a](a.md) and [b](b.md).',
    '[A](a.md) と [B](b.md)',
  ],
  [
    'a raw anchor left by the conversion',
    '<a href="other.md" data-raw-source="[x](other.md)">別の記事</a> もあります。',
    'There is <a href="other.md" data-raw-source="[x](other.md)">another article</a>.',
    '[別の記事](other.md) もあります。',
  ],
];

for (const [name, target, source, expected] of damagedLinks) {
  test(`gives ${name} its English target`, () => {
    const repaired = repairLinks(target, source, noDefinitions);
    assert.equal(repaired.target, expected);
    assert.equal(repaired.problem, undefined);
  });
}

test('writes the English links as inline Markdown links', () => {
  const repaired = repairLinks(
    '訳',
    'See [a][a.md], [b](b.md) and <a href="c.md" data-raw-source="x">c</a>.',
    noDefinitions,
  );
  assert.equal(repaired.source, 'See [a](a.md), [b](b.md) and [c](c.md).');
});

test('writes links as HTML inside HTML blocks, where Markdown is not parsed', () => {
  const repaired = repairLinks(
    '<a href="x.md" data-raw-source="[X](x.md)">エックス</a>',
    '<a href="x.md" data-raw-source="[X](x.md)">X</a>',
    noDefinitions,
    'html',
  );
  assert.equal(repaired.target, '<a href="x.md">エックス</a>');
  assert.equal(repaired.source, '<a href="x.md">X</a>');
});

test('keeps the translation and reports a problem when the links do not pair up', () => {
  const repaired = repairLinks(
    '[壊れて] (a.md) と [二つ] (b.md)',
    'The link [is broken](a.md).',
    noDefinitions,
  );
  assert.equal(repaired.target, '[壊れて] (a.md) と [二つ] (b.md)');
  assert.match(repaired.problem ?? '', /could not pair 1 English link\(s\) with 2/);
});

test('leaves bracketed UI labels alone when the English has no links', () => {
  const repaired = repairLinks(
    '[設定] [保存] を選びます。',
    'Select **Settings** and **Save**.',
    noDefinitions,
  );
  assert.equal(repaired.target, '[設定] [保存] を選びます。');
});

test('uses a link definition when the reference has one', () => {
  const repaired = repairLinks(
    '[請求書] [inv]',
    'See [invoices][inv].',
    new Map([['inv', 'invoices.md']]),
  );
  assert.equal(repaired.target, '[請求書](invoices.md)');
});

test('bolds the UI label again when MT left the bold markers escaped and empty', () => {
  assert.equal(
    repairEscapedBold('請選取 [提交]\\*\\*\\*\\*。', 'select **Submit**.'),
    '請選取 **[提交]**。',
  );
});

test('leaves escaped asterisks alone when the English has no bold', () => {
  assert.equal(repairEscapedBold('値 [x]\\*\\*\\*\\*', 'value x****'), '値 [x]\\*\\*\\*\\*');
});
