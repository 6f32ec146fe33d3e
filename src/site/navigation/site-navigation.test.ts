import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localeByFolder, type SiteLocale } from '../locales.ts';
import { resolveNavigation, trailTo } from './site-navigation.ts';
import { parseToc } from './toc.ts';

const ja = localeByFolder('ja-jp') as SiteLocale;
const toc = parseToc(
  [
    '# [ホーム](index.yml)',
    '# [顧客](customer-accounts.md)',
    '## グループ',
    '### [更新](Update-Customer-Account-Info.md)',
    '### [ない記事](missing-article.md)',
    '# データ',
    '## [チュートリアル](tutorials/security.yml)',
  ].join('\n'),
  'TOC.md',
);
const tree = resolveNavigation({
  locale: ja,
  product: 'partner-center',
  toc,
  tocLang: 'ja-JP',
  titles: new Map([
    ['partner-center/customer-accounts', { title: 'Customer accounts', lang: 'en' }],
    [
      'partner-center/update-customer-account-info',
      { title: '顧客のアカウント情報の更新', lang: 'ja-JP' },
    ],
  ]),
});

test('labels articles with their own titles and links them in the reader’s locale, whatever the case of the link', () => {
  const update = tree[1]?.children[0]?.children[0];
  assert.equal(update?.label, '顧客のアカウント情報の更新');
  assert.equal(update?.href, '/ja-jp/partner-center/update-customer-account-info/');
  assert.equal(
    tree[1]?.lang,
    'en',
    'an untranslated article keeps its English title, marked as such',
  );
});

test('sends articles and tutorials the site does not have to their public pages', () => {
  const missing = tree[1]?.children[0]?.children[1];
  assert.equal(missing?.href, 'https://learn.microsoft.com/ja-jp/partner-center/missing-article');
  assert.equal(missing?.external, true);
  assert.equal(
    tree[2]?.children[0]?.href,
    'https://learn.microsoft.com/ja-jp/partner-center/tutorials/security',
  );
});

test('leads index.yml to the home page and a section without an article to its list there', () => {
  assert.equal(tree[0]?.href, '/ja-jp/');
  assert.equal(tree[2]?.href, `/ja-jp/#${tree[2]?.id}`);
  assert.equal(tree[1]?.children[0]?.href, undefined);
});

test('finds the trail from the section down to an article', () => {
  assert.deepEqual(
    trailTo(tree, 'partner-center/update-customer-account-info').map((item) => item.label),
    ['Customer accounts', 'グループ', '顧客のアカウント情報の更新'],
  );
  assert.deepEqual(trailTo(tree, 'partner-center/not-in-toc'), []);
});
