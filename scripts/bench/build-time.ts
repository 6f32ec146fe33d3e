import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runImport } from '../../src/importer/run.ts';
import { siteContentDir } from '../../src/site/content-dirs.ts';
import { root } from '../widget-bundle.ts';
import { addImagePlaceholders } from '../image-placeholders.ts';
import { median } from './page-sizes.ts';
import { writeVanillaStarlight } from './vanilla-starlight.ts';

/** Where the build benchmark works, inside the project (gitignored, removed afterwards). */
export const benchDir = join(root, '.bench');
/** Our site's build output of the last run, which the other benchmarks measure. */
export const oursDist = join(benchDir, 'ours/dist');
const oursContent = join(benchDir, 'ours/content');
const vanillaDir = join(benchDir, 'vanilla');

/** The timings of the build benchmark, in milliseconds. */
export interface BuildTimes {
  readonly importMs: number;
  readonly ours: readonly number[];
  readonly vanilla: readonly number[];
  readonly oursPages: number;
  readonly vanillaPages: number;
}

/** Runs a command from the project root; resolves with its time, rejects with its output. */
function timed(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(performance.now() - started)
        : reject(
            new Error(`${command} ${args.join(' ')} failed (${code}):\n${output.slice(-4000)}`),
          ),
    );
  });
}

/** Astro's command line, run with this Node (the project's, whatever `node` is on the PATH). */
const astro = join(root, 'node_modules/astro/bin/astro.mjs');

/** HTML pages a build wrote. */
function countPages(dist: string): number {
  if (!existsSync(dist)) return 0;
  return readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.html'),
  ).length;
}

/**
 * A cold build of our site (what `npm run build` does: Astro, then the standalone widget) from
 * `oursContent`, its caches removed first.
 */
async function buildOurs(): Promise<number> {
  rmSync(oursDist, { recursive: true, force: true });
  // CONTENT_DIR builds keep their content cache beside the content (astro.config.mjs).
  rmSync(join(benchDir, 'ours/.astro-cache'), { recursive: true, force: true });
  const contentDir = relative(root, oursContent);
  const site = await timed(
    process.execPath,
    [astro, 'build', '--outDir', relative(root, oursDist)],
    {
      CONTENT_DIR: contentDir,
    },
  );
  const widget = await timed(process.execPath, ['scripts/build-widget.ts', oursDist], {});
  return site + widget;
}

/** A cold build of the vanilla Starlight project. */
async function buildVanilla(): Promise<number> {
  for (const cache of ['dist', '.astro', 'node_modules'])
    rmSync(join(vanillaDir, cache), { recursive: true, force: true });
  return timed(process.execPath, [astro, 'build', '--root', vanillaDir], {});
}

/**
 * Imports the corpus the way our site does (`npm run import` into a copy of content/, with a placeholder for each image
 * the corpus does not ship, given to both builds alike), then builds our site and a vanilla
 * Starlight site of the same Markdown alternately, `runs` times each, so a busy machine slows
 * both alike. `onProgress` is told what runs next.
 */
export async function measureBuilds(
  corpusDir: string,
  runs: number,
  onProgress: (step: string) => void,
): Promise<BuildTimes> {
  rmSync(benchDir, { recursive: true, force: true });
  onProgress('importing the corpus');
  const importStarted = performance.now();
  const inputs = readdirSync(corpusDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(corpusDir, entry.name));
  // On top of the site's own content, as `npm run import` writes into content/: what the site
  // added to an article (the seed article's `task:`) is kept.
  cpSync(join(root, siteContentDir), oursContent, { recursive: true });
  const summary = runImport(inputs, { outDir: oursContent, log: () => {} });
  const importMs = performance.now() - importStarted;
  if (summary.failed > 0) throw new Error(`${summary.failed} corpus article(s) failed to import`);
  addImagePlaceholders(oursContent);
  writeVanillaStarlight(vanillaDir, oursContent);
  const ours: number[] = [];
  const vanilla: number[] = [];
  for (let run = 1; run <= runs; run += 1) {
    onProgress(`our build ${run}/${runs}`);
    ours.push(await buildOurs());
    onProgress(`vanilla Starlight build ${run}/${runs}`);
    vanilla.push(await buildVanilla());
  }
  return {
    importMs,
    ours,
    vanilla,
    oursPages: countPages(oursDist),
    vanillaPages: countPages(join(vanillaDir, 'dist')),
  };
}

/** Ours over vanilla, from the median of each. */
export function buildRatio(times: BuildTimes, withImport = false): number {
  return (median(times.ours) + (withImport ? times.importMs : 0)) / median(times.vanilla);
}

/** Removes what the build benchmark left. */
export function removeBenchDir(): void {
  rmSync(benchDir, { recursive: true, force: true });
}
