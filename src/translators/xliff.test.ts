import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { seedArticle, writeContentSample } from '../site/content-sample.ts';
import { exportXliff, importXliff } from './xliff.ts';
import { xliffCoreProblems } from './xliff-core-structure.ts';

const project = fileURLToPath(new URL('../../', import.meta.url));
const article = 'content/ja-jp/partner-center/update-customer-account-info';

/** A copy of the project's locale files and articles to export from and import into. */
function copy() {
  const root = mkdtempSync(join(tmpdir(), 'xliff-'));
  cpSync(join(project, 'locales'), join(root, 'locales'), { recursive: true });
  // The seed article alone: however many articles the site publishes, the test reads this one.
  writeContentSample(join(project, 'content'), join(root, 'content'), [seedArticle]);
  return { root, contentDirs: ['content'] };
}

/** Every file below `root`, with its bytes. */
function snapshot(root: string): Map<string, Buffer> {
  return new Map(
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.includes('.'))
      .map((name) => [name, readFileSync(join(root, name))]),
  );
}

const strings = (root: string, path: string) =>
  JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, string>;

test('exports valid XLIFF 2.0: UI strings and article segments, with notes naming them', async () => {
  const options = copy();
  const xml = await exportXliff({ ...options, lang: 'ja-JP' });
  assert.deepEqual(xliffCoreProblems(xml), []);
  const japanese = strings(options.root, 'locales/ja-JP/widget.json');
  assert.ok(xml.includes('<note>key customers.heading</note>'));
  assert.ok(xml.includes(`<target>${japanese['customers.heading']}</target>`));
  assert.ok(xml.includes('<note>segment c44b6-111</note>'));
  assert.ok(xml.includes(`<note>article ${article}.md</note>`));
});

test('a round trip without edits changes no byte', async () => {
  const options = copy();
  const before = snapshot(options.root);
  const report = await importXliff(options, await exportXliff({ ...options, lang: 'ja-JP' }));
  assert.deepEqual(report, { written: [], updated: 0, refused: [] });
  assert.deepEqual(snapshot(options.root), before);
});

test('merges edited UI strings and sentences, and refuses units whose English changed, naming each', async () => {
  const options = copy();
  const xml = await exportXliff({ ...options, lang: 'ja-JP' });
  const japanese = strings(options.root, 'locales/ja-JP/widget.json');
  const page = readFileSync(join(options.root, `${article}.md`), 'utf8');
  const sidecar = JSON.parse(readFileSync(join(options.root, `${article}.segments.json`), 'utf8'));
  const target = (id: string) =>
    (sidecar.segments as { id: string; target: string }[]).find((segment) => segment.id === id)
      ?.target ?? '';
  const edited = xml
    .replace(`<target>${japanese['customers.heading']}</target>`, '<target>顧客一覧</target>')
    .replace(
      `<target>${target('c44b6-111')}</target>`,
      '<target>続いて、一覧から顧客を選択します。</target>',
    )
    .replace(
      `<target>${target('c44b6-113')}</target>`,
      '<target>変更したら [送信] を選択します。</target>',
    );
  // Meanwhile the English of one string and one sentence changed.
  const englishWidget = join(options.root, 'locales/en/widget.json');
  const english = strings(options.root, 'locales/en/widget.json');
  writeFileSync(
    englishWidget,
    JSON.stringify({ ...english, 'customers.heading': 'Your customers' }, null, 2),
  );
  const englishPage = join(
    options.root,
    'content/en/partner-center/update-customer-account-info.md',
  );
  writeFileSync(
    englishPage,
    readFileSync(englishPage, 'utf8').replace(
      "After you've made your changes, select **Submit**.",
      'When you are done, select **Submit**.',
    ),
  );
  const report = await importXliff(options, edited);
  assert.deepEqual(report.refused, [
    'ui:widget.json unit customers.heading: the English changed since the export; it is now "Your customers"',
    'article:partner-center:update-customer-account-info unit c44b6-113: the English changed since the export; it is now "When you are done, select **Submit**."',
  ]);
  assert.equal(report.updated, 1);
  assert.equal(
    strings(options.root, 'locales/ja-JP/widget.json')['customers.heading'],
    japanese['customers.heading'],
  );
  assert.equal(
    readFileSync(join(options.root, `${article}.md`), 'utf8'),
    page.replace(target('c44b6-111'), '続いて、一覧から顧客を選択します。'),
  );
});

test('merges a UI string and leaves the rest of the locale file as it was', async () => {
  const options = copy();
  const path = join(options.root, 'locales/ja-JP/widget.json');
  const before = readFileSync(path, 'utf8');
  const japanese = strings(options.root, 'locales/ja-JP/widget.json');
  const xml = (await exportXliff({ ...options, lang: 'ja-JP' })).replace(
    `<target>${japanese['customers.heading']}</target>`,
    '<target>顧客一覧</target>',
  );
  assert.equal((await importXliff(options, xml)).updated, 1);
  assert.equal(
    readFileSync(path, 'utf8'),
    before.replace(
      `"customers.heading": ${JSON.stringify(japanese['customers.heading'])}`,
      '"customers.heading": "顧客一覧"',
    ),
  );
});

test('--only-outdated exports only what needs work: missing strings and changed sentences', async () => {
  const options = copy();
  const unitIds = (xml: string) =>
    [...xml.matchAll(/<unit id="([^"]+)"/g)].map((match) => match[1]);
  // The published content has outdated translations of its own (the corpus's ja-JP and zh-TW
  // were made from different English revisions of some articles): only the new ones count here.
  const alreadyOutdated = new Set(
    unitIds(await exportXliff({ ...options, lang: 'ja-JP', onlyOutdated: true })),
  );
  const path = join(options.root, 'locales/ja-JP/site.json');
  const site = strings(options.root, 'locales/ja-JP/site.json');
  delete site['site.home.title'];
  writeFileSync(path, JSON.stringify(site, null, 2));
  const englishPage = join(
    options.root,
    'content/en/partner-center/update-customer-account-info.md',
  );
  writeFileSync(
    englishPage,
    readFileSync(englishPage, 'utf8').replace(
      'Then choose a customer from the list',
      'Then pick one.',
    ),
  );
  const xml = await exportXliff({ ...options, lang: 'ja-JP', onlyOutdated: true });
  assert.deepEqual(xliffCoreProblems(xml), []);
  assert.deepEqual(
    unitIds(xml).filter((id) => !alreadyOutdated.has(id)),
    ['site.home.title', 'c44b6-111'],
  );
  assert.ok(xml.includes('<source>Then pick one.</source>'));
  assert.ok(
    xml.includes(
      '<note>the English changed; the translation was made from: Then choose a customer from the list</note>',
    ),
  );
});

test('the structure check finds what the XLIFF 2.0 schema forbids', () => {
  assert.deepEqual(
    xliffCoreProblems(
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"><file id="f"><unit id="a b"><segment><target>x</target></segment></unit></file></xliff>',
    ),
    [
      '<unit id="a b">: id is not an NMTOKEN',
      '<segment> needs a <source>',
      '<xliff> needs the trgLang attribute',
    ],
  );
});
