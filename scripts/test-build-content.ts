/**
 * Writes the content of the test build into `CONTENT_DIR` (`npm run build:test` sets it to
 * `.test-build/content`): `content/` with only the articles of `testBuildArticles`
 * (src/site/content-sample.ts), so end-to-end tests stay fast however many articles the site
 * publishes. The build then reads that folder alone.
 *
 *   CONTENT_DIR=.test-build/content node scripts/test-build-content.ts
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentDirs, siteContentDir } from '../src/site/content-dirs.ts';
import { writeContentSample } from '../src/site/content-sample.ts';

const root = resolve(import.meta.dirname, '..');
const [target] = contentDirs({ CONTENT_DIR: process.env['CONTENT_DIR'] });
if (!process.env['CONTENT_DIR'] || target === siteContentDir) {
  console.error(
    `test-build-content: set CONTENT_DIR to a folder other than ${siteContentDir}/ (it is replaced)`,
  );
  process.exit(2);
}
const copied = writeContentSample(join(root, siteContentDir), join(root, target!));
// Always a cold build: Astro's content cache (astro.config.mjs puts it beside CONTENT_DIR) keeps
// an article's rendered HTML while its file is unchanged, but its links depend on which other
// articles exist (article-links.ts), and the sample is written anew each time.
rmSync(join(root, target!, '..', '.astro-cache'), { recursive: true, force: true });
const pages = copied.filter((file) => file.endsWith('.md') && file.includes('/')).length;
console.log(`test build: ${pages} page file(s) of ${siteContentDir}/ copied to ${target}/`);
