import { parseArgs } from 'node:util';
import { runImport } from './run.ts';

const USAGE =
  'Usage: npm run import -- [--out <folder>] [--as <article path>] [--force] <file-or-folder>...';

/** Command line of the content importer: `npm run import -- [--out <folder>] <file-or-folder>...`. */
function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'content' },
        as: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    (values.help ? console.log : console.error)(USAGE);
    return values.help ? 0 : 2;
  }
  try {
    const options = {
      outDir: values.out,
      force: values.force,
      log: (line: string) => console.log(line),
    };
    const summary = runImport(
      positionals,
      values.as === undefined ? options : { ...options, as: values.as },
    );
    return summary.failed > 0 ? 1 : 0;
  } catch (error) {
    console.error(`error ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = main();
