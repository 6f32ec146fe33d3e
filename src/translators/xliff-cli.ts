import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { contentDirs } from '../site/content-dirs.ts';
import { exportXliff, importXliff } from './xliff.ts';

const USAGE = `Usage:
  npm run i18n:export -- --lang <ja-JP> [--only-outdated] [--out <file.xlf>]
  npm run i18n:import -- <file.xlf>`;

/** `npm run i18n:export` and `npm run i18n:import`: XLIFF 2.0 for translators' tools. */
async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const options = { root, contentDirs: contentDirs() };
  try {
    if (command === 'export') {
      const { values } = parseArgs({
        args,
        options: {
          lang: { type: 'string' },
          'only-outdated': { type: 'boolean', default: false },
          out: { type: 'string' },
        },
      });
      if (!values.lang) throw new Error(`--lang is required\n${USAGE}`);
      const xml = await exportXliff({
        ...options,
        lang: values.lang,
        onlyOutdated: values['only-outdated'],
      });
      const out = values.out ?? `${values.lang}.xlf`;
      writeFileSync(out, xml);
      console.log(`wrote ${out}`);
      return 0;
    }
    if (command === 'import') {
      const { positionals } = parseArgs({ args, allowPositionals: true });
      if (positionals.length !== 1) throw new Error(USAGE);
      const file = positionals[0] ?? '';
      const report = await importXliff(options, readFileSync(file, 'utf8'));
      for (const line of report.refused) console.log(`refused ${line}`);
      for (const path of report.written) console.log(`wrote ${path}`);
      console.log(
        `${file}: ${report.updated} translation(s) merged, ${report.refused.length} unit(s) refused`,
      );
      if (report.written.length > 0) console.log('Run npm run i18n:check to check the result.');
      return report.refused.length > 0 ? 1 : 0;
    }
    throw new Error(USAGE);
  } catch (error) {
    console.error(`error ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = await main();
