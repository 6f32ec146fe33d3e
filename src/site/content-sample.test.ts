import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { writeContentSample } from './content-sample.ts';

function contentFolder(files: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-sample-'));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), `text of ${file}`);
  }
  return dir;
}

test('copies the sampled articles in every language with their sidecars, and nothing else of articles', (t) => {
  const from = contentFolder([
    'README.md',
    'en/partner-center/seed.md',
    'en/partner-center/other.md',
    'en/partner-center/Capital-Name.md',
    'ja-jp/partner-center/seed.md',
    'ja-jp/partner-center/seed.segments.json',
    'ja-jp/partner-center/other.md',
    'ja-jp/partner-center/other.segments.json',
    'ja-jp/partner-center/TOC.md',
    'ja-jp/partner-center/images/shot.png',
  ]);
  const to = join(mkdtempSync(join(tmpdir(), 'content-sample-out-')), 'content');
  t.after(() => rmSync(from, { recursive: true, force: true }));
  t.after(() => rmSync(dirname(to), { recursive: true, force: true }));

  const copied = writeContentSample(from, to, [
    'partner-center/seed',
    'partner-center/capital-name',
  ]);

  assert.deepEqual(copied, [
    'README.md',
    'en/partner-center/Capital-Name.md',
    'en/partner-center/seed.md',
    'ja-jp/partner-center/TOC.md',
    'ja-jp/partner-center/images/shot.png',
    'ja-jp/partner-center/seed.md',
    'ja-jp/partner-center/seed.segments.json',
  ]);
  assert.equal(
    readFileSync(join(to, 'ja-jp/partner-center/seed.segments.json'), 'utf8'),
    'text of ja-jp/partner-center/seed.segments.json',
  );
});

test('leaves no article of an earlier sample behind', (t) => {
  const from = contentFolder(['en/partner-center/seed.md', 'en/partner-center/other.md']);
  const to = join(mkdtempSync(join(tmpdir(), 'content-sample-out-')), 'content');
  t.after(() => rmSync(from, { recursive: true, force: true }));
  t.after(() => rmSync(dirname(to), { recursive: true, force: true }));

  writeContentSample(from, to, ['partner-center/other']);
  assert.deepEqual(writeContentSample(from, to, ['partner-center/seed']), [
    'en/partner-center/seed.md',
  ]);
  assert.throws(() => readFileSync(join(to, 'en/partner-center/other.md')), /ENOENT/);
});
