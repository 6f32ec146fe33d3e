import { fileURLToPath } from 'node:url';
import { contentDirs } from '../site/content-dirs.ts';
import { checkTranslations } from './check.ts';
import { formatProblem, hasErrors } from './problem.ts';

/** `npm run i18n:check`: every problem of the locale files and articles, one per line. */
async function main(): Promise<number> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const problems = await checkTranslations({ root, contentDirs: contentDirs() });
  for (const problem of problems) console.log(formatProblem(problem));
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  console.log(
    `i18n:check: ${errors} error(s), ${problems.length - errors} warning(s)${hasErrors(problems) ? '' : ' — ok'}`,
  );
  return hasErrors(problems) ? 1 : 0;
}

process.exitCode = await main();
