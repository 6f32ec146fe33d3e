import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runImport } from './run.ts';
import { lineContaining, seedPath } from './test-helpers.ts';

const article = 'ja-jp/partner-center/update-customer-account-info';

const reimport = (outDir: string, force = false) => {
  const log: string[] = [];
  const summary = runImport([seedPath('ja-jp')], { outDir, force, log: (line) => log.push(line) });
  return { summary, log };
};

/** A fresh import of the seed article, in which a person then replaced one sentence. */
function editedCopy(original: string, edit: string) {
  const outDir = mkdtempSync(join(tmpdir(), 'hand-edit-'));
  reimport(outDir);
  const page = join(outDir, `${article}.md`);
  const text = readFileSync(page, 'utf8');
  assert.ok(text.includes(original), `the page has "${original}"`);
  writeFileSync(page, text.replace(original, edit));
  return { outDir, page, imported: text };
}

/** The seed article's Japanese sentence of a segment, as the importer writes it. */
function sidecarTarget(id: string): string {
  const outDir = mkdtempSync(join(tmpdir(), 'hand-edit-'));
  reimport(outDir);
  const sidecar = JSON.parse(readFileSync(join(outDir, `${article}.segments.json`), 'utf8')) as {
    segments: { id: string; target: string }[];
  };
  const target = sidecar.segments.find((segment) => segment.id === id)?.target;
  assert.ok(target !== undefined);
  return target;
}

test('a re-import keeps a sentence a person edited and says what the source offers', () => {
  const original = sidecarTarget('c44b6-111');
  const edit = '続いて、一覧から顧客を選択します。';
  const { outDir, page } = editedCopy(original, edit);
  const { summary, log } = reimport(outDir);
  assert.equal(summary.failed, 0);
  assert.ok(readFileSync(page, 'utf8').includes(edit));
  assert.ok(!readFileSync(page, 'utf8').includes(original));
  assert.deepEqual(
    log.filter((line) => line.includes('hand edit')),
    [
      `  warning ${page}:${lineContaining(page, edit)}: kept a hand edit of segment c44b6-111; the source offers: ${original}`,
    ],
  );
  // …and again on the next import: the edit is never taken for the source's text.
  assert.equal(reimport(outDir).log.filter((line) => line.includes('kept a hand edit')).length, 1);
  assert.ok(readFileSync(page, 'utf8').includes(edit));
});

test('--force replaces the edit with the source, and names the text it replaced', () => {
  const original = sidecarTarget('c44b6-111');
  const edit = '続いて、一覧から顧客を選択します。';
  const { outDir, page, imported } = editedCopy(original, edit);
  const { log } = reimport(outDir, true);
  assert.equal(readFileSync(page, 'utf8'), imported);
  assert.ok(
    log.some((line) =>
      line.includes(`--force replaced a hand edit of segment c44b6-111, which read: ${edit}`),
    ),
  );
});

test('a re-import of an unedited page changes no byte and reports no hand edit', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'hand-edit-'));
  reimport(outDir);
  const page = readFileSync(join(outDir, `${article}.md`), 'utf8');
  const { log } = reimport(outDir);
  assert.equal(log.filter((line) => line.includes('hand edit')).length, 0);
  assert.equal(readFileSync(join(outDir, `${article}.md`), 'utf8'), page);
});

test('a re-import keeps the page’s own description, which is not a segment', () => {
  const { outDir, page, imported } = editedCopy('その他の企業詳細情報', 'その他の会社の詳細情報');
  const offered = /^description: (.*)$/m.exec(imported)?.[1] ?? '';
  const { log } = reimport(outDir);
  assert.ok(
    readFileSync(page, 'utf8').includes(
      'description: パートナー センターでは、顧客の請求情報やその他の会社の詳細情報を更新できます。',
    ),
  );
  assert.ok(
    log.includes(
      `  warning ${page}:${lineContaining(page, 'description:')}: kept the page's description; the source offers: ${offered}`,
    ),
    log.join('\n'),
  );
});
