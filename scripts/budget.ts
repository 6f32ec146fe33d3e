/**
 * The size budgets (scripts/bench/budgets.ts), checked: the article pages of a built site and
 * the task widget's first load per language. Prints every measure beside its budget and exits
 * with 1 when one is exceeded. Sizes only; `npm run bench` reports times.
 *
 *   npm run budget [-- --dist dist]     (run `npm run build` first)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { budgets, goals, type BudgetName } from './bench/budgets.ts';
import { kb } from './bench/gzip-size.ts';
import { measurePages } from './bench/page-sizes.ts';
import { measureWidget } from './bench/widget-size.ts';

const args = process.argv.slice(2);
const distFlag = args.indexOf('--dist');
const distDir = resolve(distFlag === -1 ? 'dist' : (args[distFlag + 1] ?? ''));

const over: string[] = [];
const check = (name: BudgetName, what: string, bytes: number, where = '') => {
  const budget = budgets[name];
  const ok = bytes <= budget;
  if (!ok) over.push(name);
  const goal =
    goals[name] === budget
      ? ''
      : `  goal ${kb(goals[name])}${bytes <= goals[name] ? '' : ' (not yet)'}`;
  console.log(
    `${ok ? 'ok  ' : 'OVER'}  ${what.padEnd(46)} ${kb(bytes).padStart(9)}  budget ${kb(budget).padStart(8)}${goal}${where ? `  ${where}` : ''}`,
  );
};

const pages = measurePages(distDir);
console.log(`Article pages of ${distDir} (${pages.pages.length}), gzip -9:`);
check('articleHtmlGzMedian', 'HTML, median', pages.htmlGzMedian);
console.log(
  `      ${'HTML, largest'.padEnd(46)} ${kb(pages.htmlGzMax.htmlGz).padStart(9)}  ${' '.repeat(15)}  ${pages.htmlGzMax.path}`,
);
check('articleCssGz', 'CSS, largest', pages.cssGzMax.cssGz, pages.cssGzMax.path);
check(
  'articleReadingJsGz',
  'script files to read an article, largest',
  pages.readingJsGzMax.jsGz,
  pages.readingJsGzMax.path,
);

const outdir = mkdtempSync(join(tmpdir(), 'widget-budget-'));
try {
  const widget = await measureWidget(outdir);
  console.log(`<customer-account-update>, minified, gzip -9:`);
  for (const first of widget.firstLoad) {
    check(
      'widgetFirstLoadGz',
      `first load, ${first.lang}`,
      first.gz,
      `${first.files.length} file(s)`,
    );
  }
  console.log(
    `      ${'Update step, loaded when it opens'.padEnd(46)} ${kb(widget.updateStep.gz).padStart(9)}`,
  );
} finally {
  rmSync(outdir, { recursive: true, force: true });
}

if (over.length > 0) {
  console.error(
    `Over budget: ${[...new Set(over)].join(', ')} (budgets in scripts/bench/budgets.ts)`,
  );
  process.exitCode = 1;
}
