import { translationStatus, type StatusReport } from '../../translators/status.ts';
import { contentDirs } from '../content-dirs.ts';

let report: StatusReport | undefined;

/**
 * The translators' status report of this build's files, computed once: every language's
 * translators page shows it, and it reads every article of the site.
 */
export function siteTranslationStatus(): StatusReport {
  report ??= translationStatus({ root: process.cwd(), contentDirs: contentDirs() });
  return report;
}
