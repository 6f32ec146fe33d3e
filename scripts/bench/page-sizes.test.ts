import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { gzipSize } from './gzip-size.ts';
import { articlePages, measurePages, median } from './page-sizes.ts';

/** A built site made of the given files. */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'page-sizes-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

const article = (head: string, body = '<p>Text</p>') =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

test('counts the stylesheets and the scripts an article loads, with the modules they import', (t) => {
  const css = 'body { color: red }';
  const page = "import{a}from'./shared.js';a();";
  const shared = 'export const a=()=>1;';
  const lazy = 'export const b=2;';
  const dist = site({
    'en/partner-center/plain/index.html': article(
      '<link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/page.js"></script>',
    ),
    'en/partner-center/with-task/index.html': article(
      '<link rel="stylesheet" href="/_astro/site.css">',
      '<customer-account-update></customer-account-update><script type="module" src="/_astro/page.js"></script>',
    ),
    'en/index.html': article('<script type="module" src="/_astro/home.js"></script>'),
    '_astro/site.css': css,
    '_astro/page.js': `${page}import('./lazy.js');`,
    '_astro/shared.js': shared,
    '_astro/lazy.js': lazy,
  });
  t.after(() => rmSync(dist, { recursive: true, force: true }));

  assert.deepEqual(articlePages(dist), [
    '/en/partner-center/plain/',
    '/en/partner-center/with-task/',
  ]);
  const sizes = measurePages(dist);
  const plain = sizes.pages.find((entry) => entry.path === '/en/partner-center/plain/');
  assert.equal(plain?.cssGz, gzipSize(css));
  // The page's module and the one it imports statically; not the one it imports on demand.
  assert.equal(plain?.jsGz, gzipSize(`${page}import('./lazy.js');`) + gzipSize(shared));
  assert.equal(plain?.hasWidget, false);
  assert.equal(sizes.readingJsGzMax.path, '/en/partner-center/plain/');
  assert.equal(sizes.widgetPageJsGzMax?.path, '/en/partner-center/with-task/');
});

test('an article that needs no script to be read loads none', (t) => {
  const dist = site({ 'ja-jp/partner-center/plain/index.html': article('<script>1</script>') });
  t.after(() => rmSync(dist, { recursive: true, force: true }));
  assert.equal(measurePages(dist).readingJsGzMax.jsGz, 0);
});

test('takes the middle of an odd count and the mean of the two middles of an even one', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
});
