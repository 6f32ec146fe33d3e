import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { localeByFolder, type SiteLocale } from '../locales.ts';
import { resolveArticleLink } from './article-links.ts';

const contentDir = mkdtempSync(join(tmpdir(), 'content-'));
for (const file of [
  'en/partner-center/english-only.md',
  'en/partner-center/both.md',
  'ja-jp/partner-center/both.md',
]) {
  mkdirSync(join(contentDir, file, '..'), { recursive: true });
  writeFileSync(join(contentDir, file), '---\ntitle: x\n---\n');
}
const ja = localeByFolder('ja-jp') as SiteLocale;
const from = 'partner-center/update-customer-account-info.md';

test('links to our own page, relative to the current one, when the article is translated', () => {
  assert.deepEqual(resolveArticleLink('both.md', from, ja, [contentDir]), {
    href: '../both/',
    external: false,
  });
});

test('links to our English fallback page when only English exists', () => {
  assert.deepEqual(resolveArticleLink('english-only.md#steps', from, ja, [contentDir]), {
    href: '../english-only/#steps',
    external: false,
  });
});

test('links to the public page in the reader’s language when the site lacks the article', () => {
  assert.deepEqual(resolveArticleLink('give-customers-permission.md', from, ja, [contentDir]), {
    href: 'https://learn.microsoft.com/ja-jp/partner-center/give-customers-permission',
    external: true,
  });
});

test('lowercases file names the way page URLs are', () => {
  assert.equal(
    resolveArticleLink('Azure-expert-msp.md', from, ja, [contentDir])?.href,
    'https://learn.microsoft.com/ja-jp/partner-center/azure-expert-msp',
  );
});

for (const href of [
  'https://example.com/a.md',
  '/en/partner-center/both/',
  '#see-also',
  'images/x.png',
  'mailto:a@b.c',
]) {
  test(`leaves "${href}" alone`, () => {
    assert.equal(resolveArticleLink(href, from, ja, [contentDir]), undefined);
  });
}

test('refuses a link into a folder with no public site rather than leave a 404', () => {
  assert.throws(
    () => resolveArticleLink('../other-product/page.md', from, ja, [contentDir]),
    /folder "other-product" has no public base URL/,
  );
});

test('lower-cases the fragment of a link to our page, as heading ids are', () => {
  assert.equal(
    resolveArticleLink('both.md#Buy-Azure-Reservations', from, ja, [contentDir])?.href,
    '../both/#buy-azure-reservations',
  );
});
