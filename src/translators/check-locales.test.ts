import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkLocales } from './check-locales.ts';
import { formatProblem } from './problem.ts';

const english = {
  'customers.heading': 'Customers',
  'customers.shown_one': '{{count}} customer shown',
  'customers.shown_other': '{{count}} customers shown',
  'search.hint': 'Enter the start of {{field}}',
};

/** A `locales/` folder with English and one Japanese widget.json written as given. */
function fixture(japanese: string, extra: Record<string, string> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'i18n-check-'));
  const localesDir = join(root, 'locales');
  mkdirSync(join(localesDir, 'en'), { recursive: true });
  mkdirSync(join(localesDir, 'ja-JP'));
  writeFileSync(join(localesDir, 'en', 'widget.json'), JSON.stringify(english, null, 2));
  writeFileSync(join(localesDir, 'ja-JP', 'widget.json'), japanese);
  for (const [path, text] of Object.entries(extra)) writeFileSync(join(localesDir, path), text);
  return checkLocales({
    root,
    localesDir,
    languages: ['en', 'ja-JP'],
    starlightKeys: new Set(),
  }).map(formatProblem);
}

/** Japanese widget.json text, one key per line, line 1 being `{`. */
const japaneseFile = (strings: Record<string, string>) => JSON.stringify(strings, null, 2);

const goodJapanese = {
  'customers.heading': '顧客',
  'customers.shown_other': '{{count}} 件の顧客を表示しています',
  'search.hint': '{{field}} の先頭部分を入力してください',
};

test('finds nothing wrong in a complete translation', () => {
  assert.deepEqual(fixture(japaneseFile(goodJapanese)), []);
});

test('reports every missing key, naming the English text to translate', () => {
  const { 'customers.heading': _, ...rest } = goodJapanese;
  void _;
  assert.deepEqual(fixture(japaneseFile({ ...rest, 'search.hint': goodJapanese['search.hint'] })), [
    'locales/ja-JP/widget.json: customers.heading: missing; translate "Customers"',
  ]);
});

test('reports a plural form the language does not have, on its line', () => {
  const { 'customers.shown_other': shown, ...rest } = goodJapanese;
  const problems = fixture(japaneseFile({ ...rest, 'customers.shown_one': shown }));
  assert.deepEqual(problems, [
    'locales/ja-JP/widget.json: customers.shown_other: missing; ja needs the plural form "other"; translate "{{count}} customers shown"',
    'locales/ja-JP/widget.json:4: customers.shown_one: plural form "one" does not exist in ja; use customers.shown_other',
  ]);
});

test('reports a key English does not have', () => {
  assert.deepEqual(fixture(japaneseFile({ ...goodJapanese, 'customers.headng': '顧客' })), [
    'locales/ja-JP/widget.json:5: customers.headng: not in English; remove it, or correct the key',
  ]);
});

test('reports placeholders that differ from English', () => {
  assert.deepEqual(
    fixture(
      japaneseFile({ ...goodJapanese, 'search.hint': '{{feld}} の先頭部分を入力してください' }),
    ),
    [
      'locales/ja-JP/widget.json:4: search.hint: placeholders differ from English: missing {{field}} unknown {{feld}}',
    ],
  );
});

test('reports an empty value as an error and a value identical to English as a warning', () => {
  assert.deepEqual(
    fixture(
      japaneseFile({
        ...goodJapanese,
        'customers.heading': '',
        'search.hint': 'Enter the start of {{field}}',
      }),
    ),
    [
      'locales/ja-JP/widget.json:2: customers.heading: empty; translate it (readers would see English instead)',
      'locales/ja-JP/widget.json:4: warning: search.hint: same as English; translate it, unless it is meant to stay English',
    ],
  );
});

test('reports invalid JSON with its line and column', () => {
  const text =
    '{\n  "customers.heading": "顧客",\n  "search.hint": "{{field}}"\n  "customers.shown_other": "{{count}}"\n}\n';
  assert.deepEqual(fixture(text), [
    'locales/ja-JP/widget.json:4:3: not valid JSON: a comma is missing',
  ]);
});

test('reports a duplicate key on the line of its second occurrence', () => {
  const text = japaneseFile(goodJapanese).replace(
    '{\n',
    '{\n  "search.hint": "{{field}} を入力",\n',
  );
  assert.deepEqual(fixture(text), [
    'locales/ja-JP/widget.json:5: search.hint: duplicate key (also on line 2); the last one would win: keep one',
  ]);
});

test('reports a value that is not a string, and a missing file', () => {
  const problems = fixture(japaneseFile(goodJapanese).replace('"顧客"', '3'));
  assert.deepEqual(problems, [
    'locales/ja-JP/widget.json:2: customers.heading: must be a string, found number',
  ]);
  const root = mkdtempSync(join(tmpdir(), 'i18n-check-'));
  mkdirSync(join(root, 'locales', 'en'), { recursive: true });
  mkdirSync(join(root, 'locales', 'ja-JP'));
  writeFileSync(join(root, 'locales', 'en', 'site.json'), '{}');
  assert.deepEqual(
    checkLocales({
      root,
      localesDir: join(root, 'locales'),
      languages: ['en', 'ja-JP', 'ko-KR'],
      starlightKeys: new Set(),
    }).map(formatProblem),
    [
      'locales/ko-KR: the site has language ko-KR but no folder locales/ko-KR/: copy locales/en/ and translate it',
      'locales/ja-JP/site.json: missing file: copy locales/en/site.json and translate it',
    ],
  );
});

test('lets starlight.json override only some of Starlight’s strings', () => {
  const root = mkdtempSync(join(tmpdir(), 'i18n-check-'));
  const localesDir = join(root, 'locales');
  mkdirSync(join(localesDir, 'en'), { recursive: true });
  mkdirSync(join(localesDir, 'ja-JP'));
  writeFileSync(join(localesDir, 'en', 'starlight.json'), '{"search.label": "Search"}');
  writeFileSync(
    join(localesDir, 'ja-JP', 'starlight.json'),
    '{\n"aside.note": "メモ",\n"aside.nope": "x"\n}',
  );
  assert.deepEqual(
    checkLocales({
      root,
      localesDir,
      languages: ['en', 'ja-JP'],
      starlightKeys: new Set(['aside.note']),
    }).map(formatProblem),
    ['locales/ja-JP/starlight.json:3: aside.nope: not in English; remove it, or correct the key'],
  );
});

test('takes Pagefind’s own snake_case string names in starlight.json, and no other snake_case key', () => {
  const root = mkdtempSync(join(tmpdir(), 'i18n-check-'));
  const localesDir = join(root, 'locales');
  mkdirSync(join(localesDir, 'en'), { recursive: true });
  mkdirSync(join(localesDir, 'ja-JP'));
  writeFileSync(
    join(localesDir, 'en', 'starlight.json'),
    '{"pagefind.clear_search": "Clear", "search.no_label": "x"}',
  );
  writeFileSync(
    join(localesDir, 'ja-JP', 'starlight.json'),
    '{"pagefind.clear_search": "クリア", "search.no_label": "y"}',
  );
  assert.deepEqual(
    checkLocales({ root, localesDir, languages: ['en', 'ja-JP'], starlightKeys: new Set() })
      .map(formatProblem)
      .filter((line) => line.includes('camelCase')),
    [
      'locales/en/starlight.json:1: search.no_label: keys are flat, dot-separated camelCase, like "form.city.label"',
      'locales/ja-JP/starlight.json:1: search.no_label: keys are flat, dot-separated camelCase, like "form.city.label"',
    ],
  );
});
