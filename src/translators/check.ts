import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { siteLocales, type SiteLocale } from '../site/locales.ts';
import { checkArticles } from './check-articles.ts';
import { checkLocales } from './check-locales.ts';
import { sortProblems, type Problem } from './problem.ts';

/** Where the translators' files of one build are. */
export interface TranslationCheckOptions {
  /** Project root (absolute). */
  readonly root: string;
  /** Content folders relative to the root (`contentDirs()`). */
  readonly contentDirs: readonly string[];
  /** The site's locales; defaults to `siteLocales`. */
  readonly locales?: readonly SiteLocale[];
}

/** Keys of Starlight's own English UI strings, which `starlight.json` may override. */
async function starlightKeys(root: string): Promise<Set<string>> {
  // Found as Node finds packages, up from the root: a project may use its parent's node_modules.
  const file = 'node_modules/@astrojs/starlight/dist/translations/en.js';
  let dir = root;
  while (!existsSync(join(dir, file)) && dirname(dir) !== dir) dir = dirname(dir);
  const url = pathToFileURL(join(dir, file));
  const module = (await import(/* @vite-ignore */ url.href)) as { default: Record<string, string> };
  return new Set(Object.keys(module.default));
}

/**
 * Everything `npm run i18n:check` and the build check: the locale files and the articles. The
 * same function serves both, so the build fails with the very lines the check prints.
 */
export async function checkTranslations(options: TranslationCheckOptions): Promise<Problem[]> {
  const locales = options.locales ?? siteLocales;
  const problems = [
    ...checkLocales({
      root: options.root,
      localesDir: join(options.root, 'locales'),
      languages: locales.map((locale) => locale.lang),
      starlightKeys: await starlightKeys(options.root),
    }),
    ...checkArticles({
      root: options.root,
      contentDirs: options.contentDirs.map((dir) => join(options.root, dir)),
      locales,
    }),
  ];
  return sortProblems(problems);
}
