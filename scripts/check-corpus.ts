import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runImport } from '../src/importer/run.ts';

/**
 * Imports every article of the reference corpus into a temporary folder and fails unless each
 * one imports with as many segments written as read and no span markup survives anywhere.
 * Usage: `npm run check:corpus` (reads `${CORPUS_DIR:-../shared/corpus}`).
 */
function main(): number {
  const corpus = resolve(process.env['CORPUS_DIR'] ?? '../shared/corpus');
  if (!existsSync(corpus)) {
    console.error(
      `check:corpus: no corpus at ${corpus}; set CORPUS_DIR to the folder that holds ja-jp/ and zh-tw/`,
    );
    return 1;
  }
  const started = performance.now();
  const outDir = mkdtempSync(join(tmpdir(), 'corpus-import-'));
  try {
    const inputs = readdirSync(corpus, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(corpus, entry.name));
    const summary = runImport(inputs, { outDir, log: () => {} });
    const problems: string[] = [];
    for (const file of summary.files) {
      if (file.status === 'failed') problems.push(`failed: ${file.error}`);
      if (file.status === 'imported' && file.segmentsRead !== file.segmentsWritten) {
        problems.push(
          `${file.file}: ${file.segmentsRead} segments read but ${file.segmentsWritten} written`,
        );
      }
    }
    const outputs = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).map((name) =>
      join(outDir, name),
    );
    for (const output of outputs.filter((path) => /\.(md|json)$/.test(path))) {
      if (/sxs-lookup|data-ttu-id|data-stu-id/.test(readFileSync(output, 'utf8'))) {
        problems.push(`${output}: span markup left in the output`);
      }
    }
    const byKind = new Map<string, number>();
    for (const warning of summary.files.flatMap((file) => file.warnings)) {
      byKind.set(warning.kind, (byKind.get(warning.kind) ?? 0) + 1);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`corpus: ${corpus}`);
    console.log(
      `files: ${summary.files.length} (${summary.imported} imported, ${summary.skipped} skipped, ${summary.failed} failed); ` +
        `segments: ${summary.files.reduce((sum, file) => sum + file.segmentsRead, 0)} read, ${summary.segments} written; ` +
        `output files checked for span markup: ${outputs.length}`,
    );
    console.log(
      `warnings: ${summary.warnings}${[...byKind].map(([kind, count]) => `; ${kind} ${count}`).join('')}`,
    );
    for (const problem of problems) console.log(`problem: ${problem}`);
    console.log(
      `${problems.length === 0 ? 'ok' : `FAILED with ${problems.length} problem(s)`} in ${seconds}s`,
    );
    return problems.length === 0 ? 0 : 1;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

process.exitCode = main();
