import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSiteOwnedKey, siteKeyLines, withSiteKeyLines, withoutSiteKeys } from './site-keys.ts';

const page = `---
title: 顧客のアカウント情報の更新
task: update-customer-account
appliesTo:
  - パートナー センター
endpoint: https://proxy.example/api
---

本文。
`;

test('finds the site-owned keys as written', () => {
  assert.deepEqual(siteKeyLines(page), [
    'task: update-customer-account',
    'endpoint: https://proxy.example/api',
  ]);
});

test('removes the site-owned keys and keeps everything else as it was', () => {
  assert.equal(
    withoutSiteKeys(page),
    `---
title: 顧客のアカウント情報の更新
appliesTo:
  - パートナー センター
---

本文。
`,
  );
});

test('carries site-owned keys over to a freshly imported page', () => {
  const imported = '---\ntitle: 新しいタイトル\n---\n\n新しい本文。\n';
  assert.equal(
    withSiteKeyLines(imported, siteKeyLines(page)),
    '---\ntitle: 新しいタイトル\ntask: update-customer-account\nendpoint: https://proxy.example/api\n---\n\n新しい本文。\n',
  );
});

test('leaves a page without site-owned keys untouched', () => {
  const imported = '---\ntitle: x\n---\nbody\n';
  assert.equal(withSiteKeyLines(imported, []), imported);
  assert.equal(withoutSiteKeys(imported), imported);
});

test("treats the widget keys, the importer's keys and Starlight's page settings as the site's, in any case", () => {
  const site = ['task', 'endpoint', 'Endpoint', 'heading', 'titleSuffix', 'appliesTo', 'roles'];
  const starlight = ['template', 'head', 'hero', 'sidebar', 'slug', 'draft', 'prev', 'next', '<<'];
  const source = ['title', 'description', 'ms.custom', 'ms.locfileid', 'keywords', 'f1.keywords'];
  assert.deepEqual(
    [...site, ...starlight].filter((key) => !isSiteOwnedKey(key)),
    [],
  );
  assert.deepEqual(source.filter(isSiteOwnedKey), []);
});
