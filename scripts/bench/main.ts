/**
 * `npm run bench`: how fast and how small the site is, in one table, with progress on stderr
 * while it runs. Each measure is its own module beside this one:
 *
 * - build (build-time.ts): cold builds of our site and of a vanilla Starlight site of the same
 *   imported corpus, alternately, and the ratio ours/Starlight;
 * - pages (page-sizes.ts, widget-size.ts): article HTML, CSS and script gzipped, and the task
 *   widget's first load, beside the budgets of budgets.ts (`npm run budget` checks them);
 * - server (server-load.ts): req/s and p50/p99 of an article page, the customer list, a search
 *   and an update, with autocannon;
 * - lighthouse (lighthouse-scores.ts): an article and the widget article, mobile and desktop.
 *
 *   npm run bench [-- --only build,pages,server,lighthouse] [--runs 3] [--dist dist]
 *
 * Without the build part, the other parts measure `--dist` (default `dist`, `npm run build`).
 * Env: CORPUS_DIR (../shared/corpus), BENCH_SECONDS (10), BENCH_CONNECTIONS (10),
 * BENCH_CUSTOMERS (10000).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { budgets } from './budgets.ts';
import { buildRatio, measureBuilds, oursDist, removeBenchDir, benchDir } from './build-time.ts';
import { kb } from './gzip-size.ts';
import { measurePages, type SiteSizes } from './page-sizes.ts';
import { measureServer, startBenchServer } from './server-load.ts';
import { measureWidget } from './widget-size.ts';
import { printTable, type Row } from './table.ts';

const parts = ['build', 'pages', 'server', 'lighthouse'] as const;
type Part = (typeof parts)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: parts.join(',') },
    runs: { type: 'string', default: '3' },
    dist: { type: 'string', default: 'dist' },
  },
});
const chosen = new Set(values.only.split(',').map((part) => part.trim()));
for (const part of chosen) {
  if (!parts.includes(part as Part)) {
    console.error(`--only: unknown part "${part}"; use ${parts.join(', ')}`);
    process.exit(2);
  }
}
const runs = Number(values.runs);
const positive = (name: string, text: string | undefined, fallback: number) => {
  const value = text === undefined || text === '' ? fallback : Number(text);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`${name} must be a whole number above 0, not "${text}"`);
    process.exit(2);
  }
  return value;
};
positive('--runs', values.runs, 3);
const seconds = positive('BENCH_SECONDS', process.env['BENCH_SECONDS'], 10);
const connections = positive('BENCH_CONNECTIONS', process.env['BENCH_CONNECTIONS'], 10);
const customers = positive('BENCH_CUSTOMERS', process.env['BENCH_CUSTOMERS'], 10_000);
const corpusDir = resolve(process.env['CORPUS_DIR'] ?? '../shared/corpus');

const started = performance.now();
/** Progress while the benchmark runs, on stderr so the table alone can be piped. */
const progress = (step: string) =>
  console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${step}…`);
const seconds1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const within = (value: number, budget: number) => (value <= budget ? 'ok' : 'over');

const rows: Row[] = [];
let dist = resolve(values.dist);

try {
  if (chosen.has('build')) {
    if (!existsSync(corpusDir)) throw new Error(`no corpus at ${corpusDir}; set CORPUS_DIR`);
    const times = await measureBuilds(corpusDir, runs, progress);
    dist = oursDist;
    const list = (all: readonly number[]) => all.map((ms) => (ms / 1000).toFixed(1)).join(', ');
    rows.push(
      ['build', 'import of the corpus (npm run import)', seconds1(times.importMs), ''],
      [
        'build',
        `ours, cold (${times.oursPages} pages), median of ${list(times.ours)}`,
        seconds1([...times.ours].sort((a, b) => a - b)[Math.floor(times.ours.length / 2)] ?? 0),
        '',
      ],
      [
        'build',
        `vanilla Starlight (${times.vanillaPages} pages), median of ${list(times.vanilla)}`,
        seconds1(
          [...times.vanilla].sort((a, b) => a - b)[Math.floor(times.vanilla.length / 2)] ?? 0,
        ),
        '',
      ],
      ['build', 'ratio ours/Starlight', buildRatio(times).toFixed(2), 'goal ≤ 0.70'],
      ['build', 'ratio with the import', buildRatio(times, true).toFixed(2), ''],
    );
    if (chosen.has('pages')) {
      const vanilla = measurePages(join(benchDir, 'vanilla/dist'));
      rows.push([
        'pages',
        'vanilla Starlight: HTML gz median / CSS gz / script gz',
        `${kb(vanilla.htmlGzMedian)} / ${kb(vanilla.cssGzMax.cssGz)} / ${kb(vanilla.readingJsGzMax.jsGz)}`,
        '',
      ]);
    }
  }

  let sizes: SiteSizes | undefined;
  if (chosen.has('pages') || chosen.has('server') || chosen.has('lighthouse')) {
    progress(`measuring the pages of ${dist}`);
    sizes = measurePages(dist);
  }
  if (chosen.has('pages') && sizes) {
    rows.push(
      [
        'pages',
        `article HTML gz, median of ${sizes.pages.length}`,
        kb(sizes.htmlGzMedian),
        `≤ ${kb(budgets.articleHtmlGzMedian)} ${within(sizes.htmlGzMedian, budgets.articleHtmlGzMedian)}`,
      ],
      [
        'pages',
        `article HTML gz, largest: ${sizes.htmlGzMax.path}`,
        kb(sizes.htmlGzMax.htmlGz),
        '',
      ],
      [
        'pages',
        'CSS gz of an article (largest)',
        kb(sizes.cssGzMax.cssGz),
        `≤ ${kb(budgets.articleCssGz)} ${within(sizes.cssGzMax.cssGz, budgets.articleCssGz)}`,
      ],
      [
        'pages',
        'script files to read an article (largest)',
        kb(sizes.readingJsGzMax.jsGz),
        `≤ ${kb(budgets.articleReadingJsGz)} ${within(sizes.readingJsGzMax.jsGz, budgets.articleReadingJsGz)}`,
      ],
    );
    if (sizes.widgetPageJsGzMax)
      rows.push([
        'pages',
        `script of the widget article: ${sizes.widgetPageJsGzMax.path}`,
        kb(sizes.widgetPageJsGzMax.jsGz),
        '',
      ]);
    progress('bundling the widget');
    const widgetDir = mkdtempSync(join(tmpdir(), 'bench-widget-'));
    try {
      const widget = await measureWidget(widgetDir);
      for (const first of widget.firstLoad)
        rows.push([
          'pages',
          `widget first load gz, ${first.lang}`,
          kb(first.gz),
          `≤ ${kb(budgets.widgetFirstLoadGz)} ${within(first.gz, budgets.widgetFirstLoadGz)}`,
        ]);
      rows.push([
        'pages',
        'widget Update step, loaded when it opens',
        kb(widget.updateStep.gz),
        '',
      ]);
    } finally {
      rmSync(widgetDir, { recursive: true, force: true });
    }
  }

  const widgetArticle = sizes?.pages.find(
    (page) => page.hasWidget && page.path.startsWith('/ja-jp/'),
  );
  const plainArticle =
    sizes?.pages.find(
      (page) => !page.hasWidget && page.path === '/ja-jp/partner-center/give-customers-permission/',
    ) ?? sizes?.pages.find((page) => !page.hasWidget && page.htmlGz >= (sizes?.htmlGzMedian ?? 0));

  if (chosen.has('server')) {
    const results = await measureServer({
      siteDir: dist,
      ...(plainArticle ? { articlePath: plainArticle.path } : {}),
      seconds,
      connections,
      customers,
      onScenario: (scenario) => progress(`server: ${scenario}, ${seconds} s`),
    });
    for (const result of results)
      rows.push([
        'server',
        `${result.scenario}${result.failed ? ` (${result.failed} failed)` : ''}`,
        `${result.requestsPerSecond} req/s`,
        `p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`,
      ]);
  }

  if (chosen.has('lighthouse')) {
    const pages = [plainArticle?.path, widgetArticle?.path].filter(
      (page): page is string => page !== undefined,
    );
    if (!widgetArticle)
      rows.push(['lighthouse', 'no article with the task widget in the build', '–', '']);
    // Lighthouse is large: loaded only when its part runs.
    const { measureLighthouse, lighthouseCategories } = await import('./lighthouse-scores.ts');
    progress('starting the server for Lighthouse');
    const server = await startBenchServer(1200, dist);
    try {
      const scores = await measureLighthouse(server.url, pages, (page, formFactor) =>
        progress(`Lighthouse ${formFactor} ${page}`),
      );
      for (const result of scores)
        rows.push([
          'lighthouse',
          `${result.formFactor} ${result.page}`,
          lighthouseCategories.map((category) => result.scores[category]).join(' / '),
          'perf / a11y / best practices / SEO, goal ≥ 98',
        ]);
    } finally {
      server.stop();
    }
  }
} finally {
  if (chosen.has('build')) removeBenchDir();
}

printTable(rows, `${((performance.now() - started) / 1000).toFixed(0)} s in all`);
