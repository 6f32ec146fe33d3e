import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { contentDirs } from '../site/content-dirs.ts';
import { translationStatus } from './status.ts';

/** `npm run i18n:status [-- --json]`: what to translate, per article and locale file. */
function main(): number {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const report = translationStatus({ root, contentDirs: contentDirs() });
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
    return 0;
  }
  console.log('Articles');
  for (const article of report.articles) {
    const state =
      article.state === 'missing'
        ? 'missing: not translated yet'
        : article.state === 'outdated'
          ? `outdated: ${article.segments.outdated} of ${article.segments.total} sentence(s) changed in English`
          : `translated (${article.segments.total} sentence(s))`;
    console.log(`  ${article.locale.padEnd(6)} ${article.path}: ${state}`);
    for (const segment of article.outdatedSegments) {
      console.log(`      ${segment.id}: was ${JSON.stringify(segment.english)}`);
      console.log(
        `      ${' '.repeat(segment.id.length)}  now ${JSON.stringify(segment.currentEnglish)}`,
      );
    }
  }
  console.log('UI strings');
  for (const ui of report.ui) {
    console.log(
      `  ${ui.locale.padEnd(6)} locales/${ui.locale}/${ui.file}: ${ui.missing === 0 ? 'complete' : `${ui.missing} missing`} (${ui.total} strings)`,
    );
  }
  return 0;
}

process.exitCode = main();
