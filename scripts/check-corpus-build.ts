/**
 * Builds the whole reference corpus as a site: imports every article of
 * `${CORPUS_DIR:-../shared/corpus}` into `.corpus-build/content/`, then runs the real Astro build
 * on it, so every imported article (asides in lists, tables, escaped placeholders, repaired and
 * resolved links) must render. The corpus ships none of its 133 images; a grey placeholder
 * stands in for each, so the build checks everything else. Removes `.corpus-build/` afterwards.
 *
 *   npm run check:corpus-build
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runImport } from '../src/importer/run.ts';
import { addImagePlaceholders } from './image-placeholders.ts';

const root = resolve(import.meta.dirname, '..');
const workDir = '.corpus-build';
const contentDir = join(workDir, 'content');
function main(): number {
  const corpus = resolve(process.env['CORPUS_DIR'] ?? '../shared/corpus');
  if (!existsSync(corpus)) {
    console.error(`check:corpus-build: no corpus at ${corpus}; set CORPUS_DIR`);
    return 1;
  }
  const started = performance.now();
  rmSync(join(root, workDir), { recursive: true, force: true });
  try {
    const inputs = readdirSync(corpus, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(corpus, entry.name));
    const summary = runImport(inputs, { outDir: join(root, contentDir), log: () => {} });
    if (summary.failed > 0) {
      console.error(`check:corpus-build: ${summary.failed} article(s) failed to import`);
      return 1;
    }
    const placeholders = addImagePlaceholders(join(root, contentDir));
    console.log(
      `imported ${summary.files.length} file(s) into ${contentDir}; ${placeholders} placeholder image(s)`,
    );
    const build = spawnSync('astro', ['build', '--outDir', join(workDir, 'dist')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    const built = /(\d+) page\(s\) built/.exec(build.stdout ?? '')?.[1];
    if (build.status !== 0) {
      console.error(build.stdout);
      console.error('check:corpus-build: the site did not build from the corpus');
      return 1;
    }
    console.log(
      `built ${built ?? '?'} page(s) from the corpus in ${((performance.now() - started) / 1000).toFixed(1)}s`,
    );
    return 0;
  } finally {
    rmSync(join(root, workDir), { recursive: true, force: true });
  }
}

process.exitCode = main();
