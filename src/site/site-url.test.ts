import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localSiteUrl, siteUrl } from './site-url.ts';

test('warns when a production build would publish localhost addresses', () => {
  const result = siteUrl({}, ['node', 'astro', 'build']);
  assert.equal(result.url, localSiteUrl);
  assert.match(result.warning ?? '', /SITE_URL is not set/);
});

test('does not warn with a public SITE_URL, in a test build or in development', () => {
  assert.deepEqual(siteUrl({ SITE_URL: 'https://help.example.com' }, ['astro', 'build']), {
    url: 'https://help.example.com',
  });
  assert.equal(siteUrl({ INCLUDE_TEST_PAGES: '1' }, ['astro', 'build']).warning, undefined);
  assert.equal(siteUrl({}, ['astro', 'dev']).warning, undefined);
});
