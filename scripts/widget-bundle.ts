import { build, type Metafile } from 'esbuild';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The project root. */
export const root = resolve(import.meta.dirname, '..');

/** The element's module, the bundle's one entry. */
export const widgetEntry = 'src/widget/customer-account-update.ts';

/**
 * Bundles <customer-account-update> for pages outside this site: ES modules, minified and
 * code-split, so a page loads `customer-account-update.js` plus the chunks it imports, one
 * language's strings, and the Update-step chunks only when that step opens. Chunk names carry a
 * content hash (safe to cache forever); the entry's name is stable (the one pages refer to).
 */
export async function bundleWidget(outdir: string): Promise<Metafile['outputs']> {
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { 'customer-account-update': widgetEntry },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
    tsconfig: join(root, 'tsconfig.json'),
  });
  return result.metafile.outputs;
}
