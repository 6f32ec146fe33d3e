import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fallbackPagePaths, sitemapWithout } from './fallback-pages.ts';

test('lists the English pages each other locale serves as a fallback', () => {
  const root = mkdtempSync(join(tmpdir(), 'fallbacks-'));
  for (const file of [
    'content/en/pc/Both.md',
    'content/en/pc/only-en.md',
    'content/ja-jp/pc/both.md',
  ])
    (mkdirSync(join(root, file, '..'), { recursive: true }), writeFileSync(join(root, file), ''));
  assert.deepEqual([...fallbackPagePaths(root, ['content'])].sort(), [
    '/ja-jp/pc/only-en/',
    '/zh-tw/pc/both/',
    '/zh-tw/pc/only-en/',
  ]);
});

test('removes fallback pages and links to them from a sitemap', () => {
  const xml =
    '<urlset><url><loc>https://x.test/en/a/</loc><xhtml:link rel="alternate" hreflang="ja-JP" href="https://x.test/ja-jp/a/"/><xhtml:link rel="alternate" hreflang="en" href="https://x.test/en/a/"/></url>' +
    '<url><loc>https://x.test/ja-jp/a/</loc></url></urlset>';
  assert.equal(
    sitemapWithout(xml, 'https://x.test', new Set(['/ja-jp/a/'])),
    '<urlset><url><loc>https://x.test/en/a/</loc><xhtml:link rel="alternate" hreflang="en" href="https://x.test/en/a/"/></url></urlset>',
  );
});
