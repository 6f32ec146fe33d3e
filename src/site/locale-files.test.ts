import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { listLocaleFolders, placeholdersOf, readLocaleFile } from './locale-files.ts';
import { siteLocales } from './locales.ts';

const localesDir = new URL('../../locales/', import.meta.url).pathname;

test('every site language has a locale folder and no folder is left over', () => {
  assert.deepEqual(listLocaleFolders(localesDir), siteLocales.map((locale) => locale.lang).sort());
});

test('every locale file passes the translators’ check (npm run i18n:check)', async () => {
  const { checkTranslations } = await import('../translators/check.ts');
  const { formatProblem } = await import('../translators/problem.ts');
  const root = new URL('../../', import.meta.url).pathname;
  const problems = await checkTranslations({ root, contentDirs: ['content'] });
  assert.deepEqual(
    problems.filter((problem) => problem.severity === 'error').map(formatProblem),
    [],
  );
});

test('names the file and key when a translation is not a string', () => {
  const dir = mkdtempSync(join(tmpdir(), 'locales-'));
  mkdirSync(join(dir, 'en'));
  writeFileSync(join(dir, 'en', 'site.json'), '{"site.title": 3}');
  assert.throws(
    () => readLocaleFile(join(dir, 'en', 'site.json')),
    /en\/site\.json: key "site\.title" must be a string/,
  );
});

test('names the file when a locale file is not JSON', () => {
  const dir = mkdtempSync(join(tmpdir(), 'locales-'));
  writeFileSync(join(dir, 'broken.json'), '{"a": "b",}');
  assert.throws(() => readLocaleFile(join(dir, 'broken.json')), /broken\.json: not valid JSON/);
});

test('finds placeholders whatever their spacing', () => {
  assert.deepEqual(placeholdersOf('Link to “{{title}}” in {{ lang }}'), ['lang', 'title']);
});
