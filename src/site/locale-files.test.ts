import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  listLocaleFolders,
  placeholdersOf,
  readLocaleFile,
  readUiStrings,
} from './locale-files.ts';
import { siteLocales } from './locales.ts';

const localesDir = new URL('../../locales/', import.meta.url).pathname;
const referenceLang = 'en';

test('every site language has a locale folder and no folder is left over', () => {
  assert.deepEqual(listLocaleFolders(localesDir), siteLocales.map((locale) => locale.lang).sort());
});

for (const lang of listLocaleFolders(localesDir)) {
  const files = readdirSync(join(localesDir, referenceLang)).filter((file) =>
    file.endsWith('.json'),
  );

  test(`${lang} has the same locale files as English`, () => {
    assert.deepEqual(
      readdirSync(join(localesDir, lang))
        .filter((file) => file.endsWith('.json'))
        .sort(),
      files.sort(),
    );
  });

  for (const file of files) {
    test(`${lang}/${file} has every English key and placeholder, and no other key`, () => {
      const english = readLocaleFile(join(localesDir, referenceLang, file));
      const translated = readLocaleFile(join(localesDir, lang, file));
      // Plural forms differ by language (ja and zh have only _other), so compare plural stems.
      const stems = (strings: Record<string, string>) =>
        [
          ...new Set(
            Object.keys(strings).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')),
          ),
        ].sort();
      // starlight.json overrides only some of Starlight's built-in strings per language.
      if (file !== 'starlight.json') assert.deepEqual(stems(translated), stems(english));
      for (const [key, text] of Object.entries(translated)) {
        const englishText =
          english[key] ?? english[key.replace(/_(zero|one|two|few|many)$/, '_other')];
        if (englishText === undefined) continue;
        assert.deepEqual(
          placeholdersOf(text),
          placeholdersOf(englishText),
          `${lang}/${file} "${key}"`,
        );
      }
    });
  }
}

test('uses flat dot-separated camelCase keys everywhere', () => {
  for (const [lang, strings] of Object.entries(readUiStrings(localesDir))) {
    for (const key of Object.keys(strings)) {
      // Pagefind's own names (`pagefind.clear_search`), which Starlight hands to Pagefind as they are.
      if (/^pagefind\.[a-z]+(_[a-z]+)*$/.test(key)) continue;
      assert.match(
        key,
        /^[a-z0-9][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)*(_(zero|one|two|few|many|other))?$/,
        `${lang}: ${key}`,
      );
    }
  }
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
