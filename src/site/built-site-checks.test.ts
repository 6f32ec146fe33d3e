import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkBuiltPages, readBuiltPage } from './built-site-checks.ts';

const page = (url: string, body: string) =>
  readBuiltPage(url, `<!doctype html><body>${body}</body>`);

test('accepts links to pages, their ids and files of the site', () => {
  const pages = [
    page(
      '/ja-jp/partner-center/a/',
      '<a href="../b/#steps">b</a><a href="/_astro/x.css">x</a><a href="https://learn.microsoft.com/">l</a>',
    ),
    page('/ja-jp/partner-center/b/', '<h2 id="steps">Steps</h2><a href="#steps">top</a>'),
  ];
  assert.deepEqual(
    checkBuiltPages(pages, (path) => path === '/_astro/x.css'),
    [],
  );
});

test('reports a link to a page that is not there, and a fragment with no id', () => {
  const pages = [
    page('/en/partner-center/a/', '<a href="../gone/">g</a><a href="../b/#nope">b</a>'),
    page('/en/partner-center/b/', ''),
  ];
  assert.deepEqual(
    checkBuiltPages(pages, () => false),
    [
      { page: '/en/partner-center/a/', message: 'link to /en/partner-center/gone/ leads nowhere' },
      {
        page: '/en/partner-center/a/',
        message: 'link to /en/partner-center/b/#nope: no such id there',
      },
    ],
  );
});

test('reports a missing-image box without alt text', () => {
  const pages = [
    page(
      '/en/x/',
      '<span class="missing-image"><span class="missing-image__label">Image</span></span><span class="missing-image"><span class="missing-image__label">Image</span><span class="missing-image__alt">A chart</span></span>',
    ),
  ];
  assert.deepEqual(
    checkBuiltPages(pages, () => false),
    [{ page: '/en/x/', message: '1 missing-image box(es) without alt text' }],
  );
});
