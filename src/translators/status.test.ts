import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { translationStatus } from './status.ts';

const content = fileURLToPath(new URL('../../content/', import.meta.url));
const locales = fileURLToPath(new URL('../../locales/', import.meta.url));
const seed = 'partner-center/update-customer-account-info';

/**
 * Three articles: the seed untouched, a copy whose English changed two sentences, and an
 * English page with no translation.
 */
function fixture() {
  const root = mkdtempSync(join(tmpdir(), 'i18n-status-'));
  for (const folder of ['en', 'ja-jp', 'zh-tw']) {
    mkdirSync(join(root, 'content', folder, 'partner-center'), { recursive: true });
    for (const name of ['untouched', 'changed']) {
      for (const extension of ['.md', '.segments.json']) {
        const from = join(content, folder, `${seed}${extension}`);
        if (folder === 'en' && extension !== '.md') continue;
        cpSync(from, join(root, 'content', folder, 'partner-center', `${name}${extension}`));
      }
    }
  }
  cpSync(locales, join(root, 'locales'), { recursive: true });
  const japaneseWidget = join(root, 'locales/ja-JP/widget.json');
  const strings = JSON.parse(readFileSync(japaneseWidget, 'utf8')) as Record<string, string>;
  delete strings['customers.heading'];
  strings['form.submit'] = '';
  writeFileSync(japaneseWidget, JSON.stringify(strings, null, 2));
  const changed = join(root, 'content/en/partner-center/changed.md');
  writeFileSync(
    changed,
    readFileSync(changed, 'utf8')
      .replace('Then choose a customer from the list', 'Then pick a customer from the list.')
      .replace('select **Account** and then **Update**.', 'select **Account**, then **Edit**.'),
  );
  writeFileSync(
    join(root, 'content/en/partner-center/missing.md'),
    '---\ntitle: Only in English\nms.contentlocale: en-US\n---\n\nNot translated.\n',
  );
  return translationStatus({ root, contentDirs: ['content'] });
}

test('reports an untouched, a changed and a missing article per locale, sentence by sentence', () => {
  const report = fixture();
  const japanese = (path: string) =>
    report.articles.find(
      (article) => article.path === `partner-center/${path}` && article.locale === 'ja-JP',
    );
  assert.deepEqual(japanese('untouched'), {
    path: 'partner-center/untouched',
    locale: 'ja-JP',
    state: 'translated',
    segments: { total: 11, outdated: 0 },
    outdatedSegments: [],
  });
  assert.deepEqual(japanese('changed'), {
    path: 'partner-center/changed',
    locale: 'ja-JP',
    state: 'outdated',
    segments: { total: 11, outdated: 2 },
    outdatedSegments: [
      {
        id: 'c44b6-111',
        english: 'Then choose a customer from the list',
        currentEnglish: 'Then pick a customer from the list.',
      },
      {
        id: 'c44b6-112',
        english: 'From the customer menu, select **Account** and then **Update**.',
        currentEnglish: 'From the customer menu, select **Account**, then **Edit**.',
      },
    ],
  });
  assert.deepEqual(japanese('missing'), {
    path: 'partner-center/missing',
    locale: 'ja-JP',
    state: 'missing',
    segments: { total: 0, outdated: 0 },
    outdatedSegments: [],
  });
  assert.equal(report.articles.length, 6);
  assert.deepEqual(
    report.articles.filter((article) => article.locale === 'zh-TW').map((article) => article.state),
    ['outdated', 'missing', 'translated'],
  );
});

test('counts missing and empty UI strings per language and file', () => {
  const report = fixture();
  assert.deepEqual(
    report.ui.map(({ locale, file, missing }) => [locale, file, missing]),
    [
      ['ja-JP', 'site.json', 0],
      ['ja-JP', 'widget.json', 2],
      ['zh-TW', 'site.json', 0],
      ['zh-TW', 'widget.json', 0],
    ],
  );
});
