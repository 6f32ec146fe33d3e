import { loadEnv } from 'vite';

/**
 * The mode Astro runs in, as its CLI sets it: `--mode <name>` when given, else `production` for
 * `astro build` and `development` for everything else (`astro dev`, `astro check`).
 */
export function astroMode(argv: readonly string[]): string {
  const flag = argv.findIndex((arg) => arg === '--mode' || arg.startsWith('--mode='));
  const given = flag === -1 ? undefined : (argv[flag]?.split('=')[1] ?? argv[flag + 1]);
  if (given) return given;
  return argv.includes('build') ? 'production' : 'development';
}

/**
 * The environment the build sees, as Astro sees it: the process's variables over those of
 * `.env`, `.env.local`, `.env.<mode>` and `.env.<mode>.local` in `root`, read by the same Vite
 * function Astro uses for `import.meta.env`. The config's checks read this, so a variable set only
 * in `.env` is checked as well as used.
 */
export function buildEnv(root: string, argv: readonly string[]): Record<string, string> {
  return loadEnv(astroMode(argv), root, '');
}
