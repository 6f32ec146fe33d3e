import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { SegmentsFileSchema } from '../article/segments-schema.ts';
import { runImport, type RunSummary } from './run.ts';
import { fixturePath, lineContaining, seedPath } from './test-helpers.ts';

function importInto(
  inputs: string[],
  as?: string,
): { outDir: string; summary: RunSummary; log: string[] } {
  const outDir = mkdtempSync(join(tmpdir(), 'importer-test-'));
  const log: string[] = [];
  const options = { outDir, log: (line: string) => log.push(line) };
  const summary = runImport(inputs, as === undefined ? options : { ...options, as });
  return { outDir, summary, log };
}

test('writes the translated page, its sidecar and the English page of each seed', () => {
  const { outDir, summary, log } = importInto([seedPath('')]);
  assert.deepEqual(
    readdirSync(outDir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.includes('.'))
      .sort(),
    [
      'en/partner-center/update-customer-account-info.md',
      'ja-jp/partner-center/update-customer-account-info.md',
      'ja-jp/partner-center/update-customer-account-info.segments.json',
      'zh-tw/partner-center/update-customer-account-info.md',
      'zh-tw/partner-center/update-customer-account-info.segments.json',
    ],
  );
  const sidecar = SegmentsFileSchema.parse(
    JSON.parse(
      readFileSync(
        join(outDir, 'ja-jp/partner-center/update-customer-account-info.segments.json'),
        'utf8',
      ),
    ),
  );
  assert.equal(
    sidecar.source,
    relative(process.cwd(), seedPath('ja-jp/partner-center/update-customer-account-info.md')),
  );
  assert.match(
    log[0] ?? '',
    /^\[1\/2\] ok .*ja-jp.*: segments 11 read = 11 written, English page written$/,
  );
  assert.match(
    log[1] ?? '',
    /^\[2\/2\] ok .*zh-tw.*: segments 11 read = 11 written, English page unchanged$/,
  );
  assert.equal(
    log.at(-1),
    '2 file(s): 2 imported, 0 skipped, 0 failed; 22 segments; 0 warning(s); 0 error(s)',
  );
  assert.equal(summary.failed, 0);
});

test('keeps an existing English page that differs and reports the differing line', () => {
  const { outDir } = importInto([seedPath('ja-jp')]);
  const englishPath = join(outDir, 'en/partner-center/update-customer-account-info.md');
  const edited = readFileSync(englishPath, 'utf8').replace('select **Submit**', 'select **Save**');
  writeFileSync(englishPath, edited);
  const log: string[] = [];
  const summary = runImport([seedPath('zh-tw')], { outDir, log: (line) => log.push(line) });
  assert.equal(readFileSync(englishPath, 'utf8'), edited);
  const warning = summary.files[0]?.warnings[0];
  assert.equal(warning?.kind, 'english-differs');
  assert.equal(warning?.file, englishPath);
  assert.equal(
    warning?.line,
    edited.split('\n').findIndex((line) => line.includes('**Save**')) + 1,
  );
  assert.match(
    warning?.message ?? '',
    /old "3\.  After you've made your changes, select \*\*Save\*\*\.", new "3\.  After you've made your changes, select \*\*Submit\*\*\."/,
  );
  assert.match(log[0] ?? '', /English page differs/);
});

test('a re-import keeps the keys the site added to the pages', () => {
  const { outDir } = importInto([seedPath('')]);
  const addTask = (path: string) =>
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(/\n---\n/, '\ntask: update-customer-account\n---\n'),
    );
  const japanesePath = join(outDir, 'ja-jp/partner-center/update-customer-account-info.md');
  const englishPath = join(outDir, 'en/partner-center/update-customer-account-info.md');
  addTask(japanesePath);
  addTask(englishPath);
  const log: string[] = [];
  const summary = runImport([seedPath('ja-jp')], { outDir, log: (line) => log.push(line) });
  assert.match(readFileSync(japanesePath, 'utf8'), /\ntask: update-customer-account\n---\n/);
  assert.match(readFileSync(englishPath, 'utf8'), /\ntask: update-customer-account\n---\n/);
  assert.deepEqual(summary.files[0]?.warnings, []);
  assert.match(log[0] ?? '', /English page unchanged$/);
});

const badFiles: Array<[file: string, line: number, message: RegExp]> = [
  ['unbalanced.md', 17, /unbalanced span: <span data-ttu-id="f1a2b-102"> is never closed/],
  ['missing-source.md', 17, /translated span f1a2b-102 has no English source span/],
  ['id-mismatch.md', 17, /source span f1a2b-103 does not pair with translated span f1a2b-102/],
  ['stray-source.md', 17, /English source span .* has no translated span before it/],
  ['no-frontmatter.md', 1, /missing front matter/],
  [
    'broken-frontmatter.md',
    3,
    /broken front matter: Nested mappings are not allowed in compact mappings$/,
  ],
  ['no-locale.md', 1, /no ms\.contentlocale/],
];

for (const [file, line, message] of badFiles) {
  test(`rejects ${file} with its file:line and writes nothing for it`, () => {
    const input = fixturePath(`bad/ja-jp/${file}`);
    const { outDir, summary } = importInto([input]);
    const report = summary.files[0];
    assert.equal(report?.status, 'failed');
    assert.ok(
      report?.error?.startsWith(`${relative(process.cwd(), input)}:${line}: `),
      report?.error,
    );
    assert.match(report?.error ?? '', message);
    assert.deepEqual(readdirSync(outDir), []);
  });
}

test('goes on with the other files after a bad one and exits with 1', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'importer-cli-'));
  const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
  const result = spawnSync(
    process.execPath,
    [cli, '--out', outDir, fixturePath('bad/ja-jp/no-locale.md'), seedPath('ja-jp')],
    { encoding: 'utf8' },
  );
  assert.equal(result.status, 1);
  assert.match(result.stdout, /\[1\/2\] error .*no-locale\.md:1: no ms\.contentlocale/);
  assert.match(result.stdout, /\[2\/2\] ok /);
  assert.match(
    result.stdout,
    /2 file\(s\): 1 imported, 0 skipped, 1 failed; 11 segments; 0 warning\(s\); 1 error\(s\)/,
  );
  assert.ok(existsSync(join(outDir, 'ja-jp/partner-center/update-customer-account-info.md')));
});

test('skips TOC.md with a note', () => {
  const { summary, log } = importInto([fixturePath('ja-jp/partner-center/TOC.md')]);
  assert.equal(summary.skipped, 1);
  assert.match(log[0] ?? '', /^skip .*TOC\.md: navigation file/);
});

test('needs --as for a file outside a locale folder', () => {
  const without = importInto([fixturePath('loose-article.txt')]);
  assert.match(
    without.summary.files[0]?.error ?? '',
    /not below a locale folder like ja-jp\/; import it alone with --as/,
  );
  assert.deepEqual(readdirSync(without.outDir), []);
  const withAs = importInto([fixturePath('loose-article.txt')], 'partner-center/loose-article');
  assert.equal(withAs.summary.imported, 1);
  assert.ok(existsSync(join(withAs.outDir, 'ja-jp/partner-center/loose-article.md')));
  assert.ok(existsSync(join(withAs.outDir, 'en/partner-center/loose-article.md')));
});

const encodings: Array<[file: string, byte: string, encoding: string]> = [
  ['hostile/ja-jp/partner-center/shift-jis.md', '0x8C', 'Shift_JIS'],
  ['hostile/zh-tw/partner-center/big5.md', '0xA7', 'Big5'],
];

for (const [file, byte, encoding] of encodings) {
  test(`refuses a ${encoding} file at the line of its first invalid byte, naming the encoding`, () => {
    const input = fixturePath(file);
    const { outDir, summary } = importInto([input]);
    const line = lineContaining(input, 'title:');
    assert.equal(
      summary.files[0]?.error,
      `${relative(process.cwd(), input)}:${line}: not UTF-8 (first invalid byte ${byte} at line ${line}, column 8); it looks like ${encoding} — save it as UTF-8`,
    );
    assert.deepEqual(readdirSync(outDir), []);
  });
}

const siteKeysFile = fixturePath('hostile/ja-jp/partner-center/site-keys.md');

test('drops the keys a source file may not set and warns at the line of each', () => {
  const { outDir, summary } = importInto([siteKeysFile]);
  assert.equal(summary.files[0]?.status, 'imported');
  const dropped = ['task', 'endpoint', 'Endpoint', 'heading', 'template', 'head', '<<'];
  assert.deepEqual(
    summary.files[0]?.warnings.map((warning) => [warning.kind, warning.line, warning.message]),
    dropped.map((key) => [
      'site-owned-key',
      lineContaining(siteKeysFile, `${key}:`),
      `front matter key ${key} belongs to the site, not to a source file: dropped`,
    ]),
  );
  for (const page of ['ja-jp', 'en'].map((folder) =>
    readFileSync(join(outDir, folder, 'partner-center/site-keys.md'), 'utf8'),
  )) {
    // Read as Astro reads it: YAML 1.1 with `<<` merged.
    const frontmatter = parse(page.split('---\n')[1] ?? '', { schema: 'yaml-1.1', merge: true });
    assert.deepEqual(
      Object.keys(frontmatter).filter((key) => !/^(title|titleSuffix|ms\..*)$/.test(key)),
      [],
    );
    assert.doesNotMatch(page, /evil\.example/);
  }
});

test("a re-import keeps the page's own endpoint, never the source's", () => {
  const { outDir } = importInto([siteKeysFile]);
  const pagePath = join(outDir, 'ja-jp/partner-center/site-keys.md');
  const ownKeys = 'task: update-customer-account\nendpoint: https://proxy.example/api\n';
  writeFileSync(pagePath, readFileSync(pagePath, 'utf8').replace(/\n---\n/, `\n${ownKeys}---\n`));
  runImport([siteKeysFile], { outDir, log: () => {} });
  const page = readFileSync(pagePath, 'utf8');
  assert.ok(page.includes(`\n${ownKeys}---\n`), page);
  assert.doesNotMatch(page, /evil\.example/);
});

const misplacedFile = fixturePath('hostile/collision/ja-jp/partner-center/same-article.md');
const zhTwFile = fixturePath('hostile/collision/zh-tw/partner-center/same-article.md');

test('refuses two inputs that would write the same page, naming both, and writes neither', () => {
  const { outDir, summary, log } = importInto([fixturePath('hostile/collision')]);
  for (const [file, other] of [
    [misplacedFile, zhTwFile],
    [zhTwFile, misplacedFile],
  ] as const) {
    const report = summary.files.find((entry) => entry.file === relative(process.cwd(), file));
    assert.equal(report?.status, 'failed');
    const where = `${relative(process.cwd(), file)}:${lineContaining(file, 'ms.contentlocale')}: `;
    assert.ok(report?.error?.startsWith(where), report?.error);
    assert.ok(
      report?.error?.includes(`${relative(process.cwd(), other)} (ms.contentlocale zh-TW)`),
    );
    assert.match(
      report?.error ?? '',
      /would both write .*zh-tw\/partner-center\/same-article\.md: neither was imported/,
    );
  }
  assert.deepEqual(readdirSync(outDir), []);
  assert.match(log.at(-1) ?? '', /2 file\(s\): 0 imported, 0 skipped, 2 failed; 0 segments/);
});

test('imports a file whose locale folder disagrees with ms.contentlocale where ms.contentlocale says, with a warning', () => {
  const { outDir, summary } = importInto([misplacedFile]);
  assert.deepEqual(
    summary.files[0]?.warnings.map((warning) => [warning.kind, warning.line, warning.message]),
    [
      [
        'locale-mismatch',
        lineContaining(misplacedFile, 'ms.contentlocale'),
        'ms.contentlocale zh-TW disagrees with the folder ja-jp/: the page goes to zh-tw/, as ms.contentlocale says',
      ],
    ],
  );
  assert.ok(existsSync(join(outDir, 'zh-tw/partner-center/same-article.md')));
});

test('refuses a translation claiming English together with the translations whose English page it would replace', () => {
  const inputs = mkdtempSync(join(tmpdir(), 'importer-english-claim-'));
  const claimsEnglish = join(inputs, 'ja-jp/partner-center/same-article.md');
  const translation = join(inputs, 'zh-tw/partner-center/same-article.md');
  for (const [path, text] of [
    [claimsEnglish, readFileSync(misplacedFile, 'utf8').replace('zh-TW', 'en-US')],
    [translation, readFileSync(zhTwFile, 'utf8')],
  ] as const) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  const { outDir, summary } = importInto([inputs]);
  assert.deepEqual(
    summary.files.map((file) => file.status),
    ['failed', 'failed'],
  );
  assert.match(
    summary.files[0]?.error ?? '',
    /would both write .*en\/partner-center\/same-article\.md/,
  );
  assert.deepEqual(readdirSync(outDir), []);
});

/** Copies of both seeds in a fresh folder, the Chinese one edited by `editChinese`. */
function seedsWithChinese(editChinese: (text: string) => string): string {
  const inputs = mkdtempSync(join(tmpdir(), 'importer-english-'));
  for (const folder of ['ja-jp', 'zh-tw']) {
    const file = join(inputs, folder, 'partner-center/update-customer-account-info.md');
    mkdirSync(dirname(file), { recursive: true });
    const text = readFileSync(
      seedPath(`${folder}/partner-center/update-customer-account-info.md`),
      'utf8',
    );
    writeFileSync(file, folder === 'zh-tw' ? editChinese(text) : text);
  }
  return inputs;
}

const savedInstead = (text: string) =>
  text.replace('select **Submit**.</span>', 'select **Save**.</span>');

test('builds the English page from the translation handed off last, and says why', () => {
  const inputs = seedsWithChinese((text) =>
    savedInstead(text).replace('ms.lasthandoff: 05/05/2020', 'ms.lasthandoff: 05/06/2020'),
  );
  const { outDir, summary, log } = importInto([join(inputs, 'ja-jp'), join(inputs, 'zh-tw')]);
  const english = readFileSync(
    join(outDir, 'en/partner-center/update-customer-account-info.md'),
    'utf8',
  );
  assert.match(english, /select \*\*Save\*\*\./);
  assert.equal(summary.warnings, 0);
  assert.match(
    log[0] ?? '',
    /^english partner-center\/update-customer-account-info: the translations carry different English text; zh-tw \(.*ms\.lasthandoff 2020-05-06\) wins over ja-jp \(.*ms\.lasthandoff 2020-05-05\): it was handed to translation last/,
  );
});

test('takes the first language folder when both English revisions were handed off the same day', () => {
  const { outDir, log } = importInto(
    ((inputs) => [join(inputs, 'zh-tw'), join(inputs, 'ja-jp')])(seedsWithChinese(savedInstead)),
  );
  const english = readFileSync(
    join(outDir, 'en/partner-center/update-customer-account-info.md'),
    'utf8',
  );
  assert.match(english, /select \*\*Submit\*\*\./);
  assert.match(
    log[0] ?? '',
    /ja-jp \(.*\) wins over zh-tw \(.*\): both were handed to translation the same day/,
  );
});
