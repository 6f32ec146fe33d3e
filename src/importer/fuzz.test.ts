import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importSxsArticle } from './article.ts';
import { activeMarkup } from './test-render.ts';

// Random and adversarial span texts, imported the way real files are. Time is measured on a 10 KB
// and a 100 KB text: linear code takes about ten times as long on the larger, a backtracking
// pattern a hundred times or more. The generator is seeded, so a failure names what to replay.

/** mulberry32: a small seeded generator, so every run sees the same texts. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An sxs article whose one translated and English span, and one line between spans, is `text`. */
function sxsArticle(text: string): string {
  const pair = (id: string, target: string, source: string): string =>
    `<span data-ttu-id="${id}">${target}</span><span class="sxs-lookup"><span data-stu-id="${id}">${source}</span></span>`;
  return [
    '---',
    'title: ファズ | パートナー センター',
    'ms.date: 2020-04-07',
    'ms.contentlocale: ja-JP',
    '---',
    `# ${pair('fz-101', '題', 'Title')}`,
    '',
    `${pair('fz-102', text, `**Bold** ${text}`)}`,
    '',
    text,
    '',
  ].join('\n');
}

/** Repeats `unit` (or what `unit` makes for each index) up to `size` characters. */
function repeated(unit: string | ((index: number) => string), size: number): string {
  let text = '';
  for (let index = 0; text.length < size; index += 1) {
    text += typeof unit === 'string' ? unit : unit(index);
  }
  return text.slice(0, size);
}

/** Pieces that each mean something to one of the importer's scanners. */
const PIECES = [
  '顧客',
  '管理',
  ' ',
  '\n',
  '[',
  ']',
  '](',
  '![x](',
  '(',
  ')',
  '`',
  '``',
  '<',
  '>',
  '<a ',
  '<a href="',
  '</a>',
  '<!--',
  '-->',
  '&#',
  '&#x61;',
  '"',
  "'",
  '|',
  '\\',
  '**',
  '\\*\\*\\*\\*',
  ':',
  'javascript:',
  '> [!NOTE]',
  '- ',
  '1. ',
  '```',
  '    ',
  '<img ',
  'onerror=',
  '<p>',
  '<table>',
  '<pre>',
  '<a name="x"></a>',
];

function randomText(random: () => number, size: number): string {
  return repeated(() => PIECES[Math.floor(random() * PIECES.length)] ?? '', size);
}

const ADVERSARIAL: Array<[name: string, make: (size: number) => string]> = [
  ['repeated ![x](', (size) => repeated('![x](', size)],
  ['repeated [', (size) => repeated('[', size)],
  ['repeated ](', (size) => repeated('](', size)],
  ['repeated [x](', (size) => repeated('[x](', size)],
  [
    'backtick runs of growing length',
    (size) => repeated((index) => `${'`'.repeat(1 + (index % 60))}a`, size),
  ],
  ['one long backtick run', (size) => repeated('`', size)],
  ['repeated <a ', (size) => repeated('<a ', size)],
  ['repeated <a href="', (size) => repeated('<a href="', size)],
  ['repeated <a title=" without a closing quote', (size) => `${repeated("<a title='", size - 1)}"`],
  ['repeated <', (size) => repeated('<', size)],
  ['repeated <!--', (size) => repeated('<!--', size)],
  ['repeated &#', (size) => repeated('&#', size)],
  ['nested brackets', (size) => `${repeated('[', size / 2)}${repeated(']', size / 2)}`],
  ['nested brackets with text', (size) => repeated('[a[b]c', size)],
  ['escaped empty bold after labels', (size) => repeated('[x]\\*\\*\\*\\*', size)],
  ['bold markers', (size) => repeated('**a', size)],
  ['mixed CJK and link syntax', (size) => repeated('顧客[管理](', size)],
  ['a link target that never closes', (size) => `[x](${repeated('javascript:(', size)}`],
  ['definitions', (size) => repeated('\n[a]: javascript:x', size)],
  ['lines of list items', (size) => repeated('\n- ', size)],
  ['lines of alerts', (size) => repeated('\n> [!NOTE]', size)],
  ['lines of fences', (size) => repeated('\n```', size)],
  ['blank lines', (size) => repeated('\n', size)],
  ['lines of comments', (size) => repeated('\n<!-- a', size)],
];

/**
 * Milliseconds of CPU time to import `text`, the least of `runs` runs. CPU time rather than
 * elapsed time, so that other work on a busy machine does not count as ours.
 */
function importTime(text: string, runs: number): number {
  const file = sxsArticle(text);
  let fastest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run += 1) {
    const started = process.cpuUsage();
    const article = importSxsArticle(file, { sourcePath: 'fuzz.md', imageExists: () => true });
    const used = process.cpuUsage(started);
    fastest = Math.min(fastest, (used.user + used.system) / 1000);
    assert.equal(article.segmentsWritten, article.segmentsRead);
  }
  return fastest;
}

function assertLinear(make: (size: number) => string): void {
  const small = importTime(make(10_000), 4);
  const large = importTime(make(100_000), 2);
  assert.ok(large < 1000, `100 KB took ${large.toFixed(0)} ms`);
  // 10× the text should take about 10× the time; a quadratic scan would take 100×. The floor of
  // 5 ms (about what importing any article costs) keeps a lucky fast small run from making the ratio.
  const ratio = large / Math.max(small, 5);
  assert.ok(
    ratio < 30,
    `100 KB took ${ratio.toFixed(1)}× as long as 10 KB (${large.toFixed(0)} ms)`,
  );
}

for (const [name, make] of ADVERSARIAL) {
  test(`imports 100 KB of ${name} in linear time`, () => assertLinear(make));
}

for (const seed of [1, 2]) {
  test(`imports 100 KB of random markup in linear time (seed ${seed})`, () => {
    assertLinear((size) => randomText(seededRandom(seed), size));
  });
}

/** Line starts that make blocks: indentation, block quotes, list items, tables, headings. */
const LINE_STARTS = [
  '',
  '',
  '  ',
  '    ',
  '\t',
  '> ',
  '> > ',
  '- ',
  '1. ',
  '2) ',
  '   - ',
  '| ',
  '# ',
];

/** A text of `lines` lines, each a random line start and a few pieces. */
function randomLines(random: () => number, lines: number): string {
  const pick = (list: readonly string[]): string => list[Math.floor(random() * list.length)] ?? '';
  return Array.from({ length: lines }, () =>
    random() < 0.15 ? '' : `${pick(LINE_STARTS)}${randomText(random, 5 + random() * 40)}`,
  ).join('\n');
}

function assertInert(text: string, seed: number): void {
  const article = importSxsArticle(sxsArticle(text), {
    sourcePath: 'fuzz.md',
    imageExists: () => true,
  });
  assert.equal(article.segmentsWritten, article.segmentsRead);
  for (const page of [article.translated, article.english]) {
    const body = page.slice(page.indexOf('\n---\n') + 5);
    assert.deepEqual(activeMarkup(body), [], `seed ${seed}: ${JSON.stringify(text)}`);
  }
}

test('writes pages with nothing to run or load, whatever markup the spans hold', () => {
  for (let seed = 1; seed <= 300; seed += 1) {
    const random = seededRandom(seed);
    assertInert(randomText(random, 20 + Math.floor(random() * 300)), seed);
  }
});

test('writes pages with nothing to run or load, whatever blocks the lines make', () => {
  for (let seed = 1; seed <= 300; seed += 1) {
    const random = seededRandom(seed);
    assertInert(randomLines(random, 2 + Math.floor(random() * 12)), seed);
  }
});
