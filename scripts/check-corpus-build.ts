/**
 * The full-site check: the corpus is the site's content, so this checks that `content/` is what
 * `npm run import` makes of `${CORPUS_DIR:-../shared/corpus}` (hand edits kept), then builds the
 * whole site into `.corpus-build/dist` and checks it: every article renders in every language,
 * every internal link leads to a page or file of the site (and its `#fragment` to an id there),
 * no missing-image box lacks its alt text, and axe finds nothing on a sample of 20 articles per
 * language (every rule in the light theme, colour contrast in the dark one) (Chromium through Playwright, against our own server).
 * Removes `.corpus-build/` afterwards.
 *
 *   npm run check:corpus-build
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from '@playwright/test';
import { runImport } from '../src/importer/run.ts';
import { createServer } from '../src/server/app.ts';
import { checkBuiltPages, readBuiltPage, type BuiltPage } from '../src/site/built-site-checks.ts';
import { articleIdOf, isArticleFile, siteContentDir } from '../src/site/content-dirs.ts';
import { siteLocales } from '../src/site/locales.ts';
import { chromiumLaunchOptions } from '../tests/chromium.ts';
import { AUTH_PATHS } from '../src/contract/site-session.ts';
import { isKnownCorpusFinding } from './corpus-axe-baseline.ts';

const root = resolve(import.meta.dirname, '..');
const workDir = join(root, '.corpus-build');
const distDir = join(workDir, 'dist');
/** Paths the server answers itself, not files of the built site. */
const serverRoutes = new Set<string>(Object.values(AUTH_PATHS));
/** Articles per language that axe checks. */
const AXE_SAMPLE = 20;

async function main(): Promise<number> {
  const corpus = resolve(process.env['CORPUS_DIR'] ?? '../shared/corpus');
  if (!existsSync(corpus)) {
    console.error(`check:corpus-build: no corpus at ${corpus}; set CORPUS_DIR`);
    return 1;
  }
  const started = performance.now();
  rmSync(workDir, { recursive: true, force: true });
  try {
    const stale = staleContent(corpus);
    for (const line of stale) console.error(line);
    if (stale.length > 0) {
      console.error(
        `check:corpus-build: content/ is not what the importer makes of ${corpus}; run npm run import -- ${join(corpus, 'ja-jp')} ${join(corpus, 'zh-tw')}`,
      );
      return 1;
    }
    console.log('content/ is the import of the corpus');

    for (const [command, args] of [
      ['astro', ['build', '--outDir', distDir]],
      ['node', ['scripts/build-widget.ts', distDir]],
    ] as const) {
      const run = spawnSync(command, args, {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
        encoding: 'utf8',
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      });
      if (run.status !== 0) {
        console.error(run.stdout);
        console.error(`check:corpus-build: ${command} ${args.join(' ')} failed`);
        return 1;
      }
    }
    const pages = readPages();
    const problems = [
      ...unrenderedArticles(pages).map((url) => `${url}: the article has no page`),
      // A path is a file of the site or one of the server's own routes (sign-in in the header).
      ...checkBuiltPages(
        pages,
        (path) => serverRoutes.has(path) || existsSync(join(distDir, path)),
      ).map((problem) => `${problem.page}: ${problem.message}`),
    ];
    const boxes = pages.reduce((sum, page) => sum + page.boxes, 0);
    console.log(
      `built ${pages.length} page(s); ${pages.reduce((sum, page) => sum + page.links.length, 0)} internal link(s) checked; ${boxes} missing-image box(es)`,
    );
    problems.push(...(await axeSample()));
    for (const problem of problems) console.error(problem);
    console.log(
      `check:corpus-build: ${problems.length} problem(s) in ${((performance.now() - started) / 1000).toFixed(1)}s`,
    );
    return problems.length > 0 ? 1 : 0;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Files the importer would write differently from `content/` (a sidecar's `source` path aside). */
function staleContent(corpus: string): string[] {
  const copy = join(workDir, 'content');
  cpSync(join(root, siteContentDir), copy, { recursive: true });
  const inputs = readdirSync(corpus, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(corpus, entry.name));
  const summary = runImport(inputs, { outDir: copy, log: () => {} });
  const problems = summary.files
    .filter((file) => file.status === 'failed')
    .map((file) => `import failed: ${file.error}`);
  const comparable = (path: string) => {
    const text = readFileSync(path, 'utf8');
    if (!path.endsWith('.segments.json')) return text;
    const { source: _source, ...rest } = JSON.parse(text) as Record<string, unknown>;
    return JSON.stringify(rest);
  };
  for (const name of readdirSync(copy, { recursive: true, encoding: 'utf8' })) {
    const imported = join(copy, name);
    if (statSync(imported).isDirectory()) continue;
    const committed = join(root, siteContentDir, name);
    if (!existsSync(committed)) problems.push(`${siteContentDir}/${name}: missing`);
    else if (comparable(imported) !== comparable(committed))
      problems.push(`${siteContentDir}/${name}: differs from a fresh import`);
  }
  return problems;
}

function readPages(): BuiltPage[] {
  return readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('index.html'))
    .map((name) => {
      const url = `/${name.replaceAll('\\', '/').replace(/index\.html$/, '')}`;
      return readBuiltPage(url, readFileSync(join(distDir, name), 'utf8'));
    });
}

/** Site paths of articles (every content file, in every language) that have no built page. */
function unrenderedArticles(pages: readonly BuiltPage[]): string[] {
  const built = new Set(pages.map((page) => page.url));
  return articlePaths()
    .flatMap((path) => siteLocales.map((locale) => `/${locale.folder}/${path}/`))
    .filter((url) => !built.has(url));
}

/** Article paths below the locale folders (`partner-center/foo`), from every language's files. */
function articlePaths(): string[] {
  const paths = new Set<string>();
  for (const locale of siteLocales) {
    const dir = join(root, siteContentDir, locale.folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (isArticleFile(name)) paths.add(articleIdOf(name, []));
    }
  }
  return [...paths].sort();
}

/** Axe on every n-th article of each language, so the sample is the same on every run. */
async function axeSample(): Promise<string[]> {
  const paths = articlePaths();
  const step = Math.max(1, Math.floor(paths.length / AXE_SAMPLE));
  const sample = paths.filter((_, index) => index % step === 0).slice(0, AXE_SAMPLE);
  const server = await createServer({
    dbPath: ':memory:',
    siteDir: distDir,
    log: false,
    port: 0,
    host: '127.0.0.1',
  });
  const browser = await chromium.launch(chromiumLaunchOptions);
  const problems: string[] = [];
  try {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      for (const locale of siteLocales) {
        for (const path of sample) {
          const url = `/${locale.folder}/${path}/`;
          await page.goto(`${server.url}${url}`);
          const builder = new AxeBuilder({ page });
          // The dark theme changes colours only: its run checks contrast, the light run all.
          if (colorScheme === 'dark') builder.withRules(['color-contrast']);
          const results = await builder.analyze();
          for (const violation of results.violations) {
            if (isKnownCorpusFinding(path, violation.id)) {
              console.log(`known (corpus content): ${url} (${colorScheme}): axe ${violation.id}`);
              continue;
            }
            problems.push(
              `${url} (${colorScheme}): axe ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
            );
          }
        }
        console.log(`axe: ${sample.length} ${locale.lang} article(s) in ${colorScheme} theme`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return problems;
}

process.exitCode = await main();
