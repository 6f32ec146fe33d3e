import { build, type Metafile, type Plugin } from 'esbuild';
import { minifyHTMLLiterals } from 'minify-html-literals';
import { readFileSync, rmSync } from 'node:fs';
import { siteLocales } from '../src/site/locales.ts';
import { withEnglishFallback } from '../src/widget/translate.ts';
import { join, resolve } from 'node:path';

/** The project root. */
export const root = resolve(import.meta.dirname, '..');

/** The element's module, the bundle's one entry. */
export const widgetEntry = 'src/widget/customer-account-update.ts';

/**
 * Ships each language's widget strings with English for any it lacks, so a missing string shows
 * in English, never as its key, without a reader downloading English when nothing is missing.
 */
const englishFallbackPlugin: Plugin = {
  name: 'widget-strings-english-fallback',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]locales[\\/][^\\/]+[\\/]widget\.json$/ }, ({ path }) => {
      const read = (file: string) =>
        JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      const english = read(join(root, 'locales', 'en', 'widget.json'));
      // One object, as esbuild emits for a plain JSON import of dotted keys (its `json` loader
      // would split the keys into variables, which gzips worse).
      return {
        contents: `export default ${JSON.stringify(withEnglishFallback(read(path), english))};`,
        loader: 'js',
      };
    });
  },
};

/**
 * The widget takes its languages from the site's list (`src/site/locales.ts`) and reads only
 * their tags: the standalone bundle gets the tags alone, not the site's labels and titles.
 */
const siteLanguagesPlugin: Plugin = {
  name: 'widget-site-languages',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]src[\\/]site[\\/]locales\.ts$/ }, () => ({
      contents: `export const siteLocales = ${JSON.stringify(siteLocales.map(({ lang }) => ({ lang })))};`,
      loader: 'js',
    }));
  },
};

/**
 * Minifies the markup and CSS of Lit's `html` and `css` templates (minify-html-literals, as Lit's
 * docs advise): esbuild minifies the JavaScript around them but leaves template text as written,
 * with its indents and comments, and the element's templates are on the first load.
 */
const litTemplateMinifyPlugin: Plugin = {
  name: 'widget-lit-template-minify',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]src[\\/]widget[\\/][^\\/]+\.ts$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const minified = minifyHTMLLiterals(source, { fileName: path });
      return { contents: minified?.code ?? source, loader: 'ts' };
    });
  },
};

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
    // Japanese and Chinese strings as UTF-8, not \uXXXX escapes (esbuild's default): a third of
    // the bytes before gzip and less after. Module scripts are always read as UTF-8.
    charset: 'utf8',
    logLevel: 'warning',
    tsconfig: join(root, 'tsconfig.json'),
    plugins: [englishFallbackPlugin, siteLanguagesPlugin, litTemplateMinifyPlugin],
  });
  return result.metafile.outputs;
}
