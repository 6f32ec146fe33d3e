import type { AstroIntegration } from 'astro';
import { Worker } from 'node:worker_threads';
import type { TranslationCheckOptions } from './check.ts';
import { formatProblem, hasErrors, type Problem } from './problem.ts';

/** The translators' check, started in a worker thread: it reads every locale file and article. */
function checkInWorker(options: TranslationCheckOptions): Promise<Problem[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./check-worker.ts', import.meta.url), {
      workerData: options,
    });
    worker.once('message', (problems: Problem[]) => resolve(problems));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`the translators' check stopped (exit code ${code}) before it reported`)),
    );
  });
}

/**
 * Runs the translators' check (`npm run i18n:check`) in every build, so a broken locale file or
 * article stops it with the very lines the check prints. The check starts with the build, in a
 * worker thread beside Astro's reading and rendering of the content, and the build waits for it
 * before it writes any page (`astro:build:start`), so no half-built site is left; `astro dev`
 * and `astro check` wait for it at once.
 */
export function translationCheckIntegration(options: TranslationCheckOptions): AstroIntegration {
  let result: Promise<Problem[]> | undefined;
  const stopOnErrors = async () => {
    const problems = await (result ??= checkInWorker(options));
    if (!hasErrors(problems)) return;
    throw new Error(
      `The translations have errors (npm run i18n:check lists them too):\n${problems
        .filter((problem) => problem.severity === 'error')
        .map(formatProblem)
        .join('\n')}`,
    );
  };
  return {
    name: 'partner-help-translators-check',
    hooks: {
      'astro:config:setup': async ({ command }) => {
        result = checkInWorker(options);
        // Only a build has work to do beside the check before it writes anything.
        if (command !== 'build') await stopOnErrors();
        // A failed check that nobody waits for yet must not crash the process on its own.
        result.catch(() => {});
      },
      'astro:build:start': stopOnErrors,
    },
  };
}
