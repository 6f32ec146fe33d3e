import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SegmentsFileSchema } from '../article/segments-schema.ts';
import { runImport, type RunSummary } from './run.ts';
import { fixturePath, seedPath } from './test-helpers.ts';

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
