import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { ArticleFrontmatterSchema } from './article/frontmatter-schema.ts';
import { articleIdOf, contentDirs, navigationFileName } from './site/content-dirs.ts';

const dirs = contentDirs();

/**
 * The articles: `content/<locale>/<product>/<article>.md`, written by the importer and edited by
 * translators. Kept at the top level (not `src/content/docs`) so translators find them next to
 * `locales/`; `.segments.json` sidecars beside them are the importer's, not pages.
 */
export const collections = {
  docs: defineCollection({
    loader: glob({
      // Articles are below a locale folder; a README beside them is for translators, not a page,
      // and TOC.md is the navigation tree (src/site/navigation/).
      pattern: dirs.flatMap((dir) => [`${dir}/*/**/*.md`, `!${dir}/*/**/${navigationFileName}`]),
      base: '.',
      generateId: ({ entry }) => articleIdOf(entry, dirs),
    }),
    schema: docsSchema({ extend: ArticleFrontmatterSchema }),
  }),
  // Our wording of Starlight's UI strings, per language (`locales/<lang>/starlight.json`). The
  // localized-site plugin also hands them to Starlight at config time, for Markdown.
  i18n: defineCollection({
    loader: glob({
      pattern: '*/starlight.json',
      base: './locales',
      generateId: ({ entry }) => entry.split('/')[0] ?? entry,
    }),
    schema: i18nSchema(),
  }),
};
