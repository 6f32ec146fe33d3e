/**
 * Size budget of <customer-account-update>: bundles the element the way a browser gets it
 * (esbuild, minified, code-split ES modules) and prints the gzipped bytes a reader downloads for
 * one language: the entry chunk, the chunks it imports statically, and that language's strings.
 * The Update-step chunks (the form's templates, and the form checks with libphonenumber-js's
 * metadata) are loaded only when the Account or Update step opens, and are printed apart.
 *
 *   node scripts/widget-budget.ts [lang …] [--outdir dir]     (default: en ja-JP zh-TW)
 *
 * Exits with 1 when the first load of any language is over the budget.
 */
import type { Metafile } from 'esbuild';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleWidget, root, widgetEntry } from './widget-bundle.ts';

const BUDGET_BYTES = 35 * 1024;
const entry = widgetEntry;

const args = process.argv.slice(2);
const outdirFlag = args.indexOf('--outdir');
const outdir =
  outdirFlag === -1
    ? mkdtempSync(join(tmpdir(), 'widget-budget-'))
    : resolve(args[outdirFlag + 1] ?? '');
const langs = args.filter(
  (arg, index) => !arg.startsWith('--') && (outdirFlag === -1 || index !== outdirFlag + 1),
);
if (langs.length === 0) langs.push('en', 'ja-JP', 'zh-TW');

const outputs: Metafile['outputs'] = await bundleWidget(outdir);

const gzipped = (file: string) => gzipSync(readFileSync(join(root, file)), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The entry chunk and every chunk it imports statically: what the first render needs. */
function staticClosure(start: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const dependency of outputs[file]?.imports ?? [])
      if (dependency.kind === 'import-statement') visit(dependency.path);
  };
  visit(start);
  return [...seen];
}

/** The output chunk whose own inputs include `input`. */
function chunkOf(input: string): string | undefined {
  return Object.keys(outputs).find(
    (file) => file.endsWith('.js') && outputs[file]?.inputs[input] !== undefined,
  );
}

const entryChunk = Object.keys(outputs).find((file) => outputs[file]?.entryPoint === entry);
const phoneChunk = chunkOf('src/contract/phone.ts');
const stepsChunk = chunkOf('src/widget/update-steps.ts');
if (!entryChunk || !phoneChunk || !stepsChunk) {
  console.error('Could not find the entry or the Update-step chunks in the bundle.');
  process.exit(2);
}

const report = (files: string[]) => {
  let total = 0;
  for (const file of files) {
    const size = gzipped(file);
    total += size;
    console.log(`  ${kb(size).padStart(8)}  ${relative(outdir, join(root, file))}`);
  }
  return total;
};

console.log(`<customer-account-update>, minified + gzip -9, in ${outdir}`);
let over = false;
for (const lang of langs) {
  const stringsChunk = chunkOf(`locales/${lang}/widget.json`);
  if (!stringsChunk) {
    console.error(`No strings for ${lang}.`);
    process.exit(2);
  }
  console.log(`First load for ${lang} (element, shared chunks, strings):`);
  const first = report([...staticClosure(entryChunk), stringsChunk]);
  console.log(`  ${kb(first).padStart(8)}  total (${first} B), budget ${kb(BUDGET_BYTES)}`);
  if (first > BUDGET_BYTES) {
    console.error(`  Over budget by ${first - BUDGET_BYTES} B.`);
    over = true;
  }
}
const firstLoad = staticClosure(entryChunk);
const later = [...new Set([...staticClosure(stepsChunk), ...staticClosure(phoneChunk)])].filter(
  (file) => !firstLoad.includes(file),
);
console.log('Loaded for the Update step (form templates; form checks with phone metadata):');
const laterTotal = report(later);
console.log(`  ${kb(laterTotal).padStart(8)}  total`);
if (over) process.exit(1);
