import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { importSxsArticle, localeFolder, type ImportedArticle } from './article.ts';
import { decodeSource } from './decode-source.ts';
import { ImportError, type ImportWarning } from './import-error.ts';
import { writeArticle } from './write-article.ts';

/** Options of one import run. */
export interface RunOptions {
  /** Content folder to write into. */
  outDir: string;
  /** Article path for a single input file that is not below a locale folder. */
  as?: string;
  /** Receives every line of the report. */
  log: (line: string) => void;
  /** Replace sentences a person edited in a translated page (they are kept otherwise). */
  force?: boolean;
}

/** Outcome of importing one file. */
export interface FileReport {
  file: string;
  status: 'imported' | 'skipped' | 'failed';
  segmentsRead: number;
  segmentsWritten: number;
  warnings: ImportWarning[];
  error?: string;
  english?: 'written' | 'unchanged' | 'differs';
  outputs: string[];
}

/** Totals of an import run. */
export interface RunSummary {
  files: FileReport[];
  imported: number;
  skipped: number;
  failed: number;
  segments: number;
  warnings: number;
}

const LOCALE_FOLDER = /^[a-z]{2}-[a-z]{2}$/i;

/** A file read and converted, not yet written. */
interface PreparedFile {
  report: FileReport;
  article?: ImportedArticle;
  articlePath?: string;
}

/**
 * Imports every sxs article found in `inputs` (files or folders) and reports on each. Every file
 * is read and converted before anything is written, so two inputs that would write the same page
 * are both refused and neither overwrites the other.
 */
export function runImport(inputs: readonly string[], options: RunOptions): RunSummary {
  const files = inputs.flatMap((input) => expand(input));
  const prepared = files.map((file) => prepareFile(file, files.length, options));
  refuseCollisions(prepared, options.outDir);
  for (const choice of chooseEnglish(prepared)) options.log(describeEnglishChoice(choice));
  const reports = prepared.map((entry, index) => {
    const report = writePrepared(entry, options.outDir, options.force ?? false);
    const progress = files.length > 1 ? `[${index + 1}/${files.length}] ` : '';
    if (report.status === 'skipped') {
      const copied = report.outputs[0];
      options.log(
        `${progress}skip ${report.file}: navigation file (TOC.md), not an article${copied ? `; copied to ${copied}` : ''}`,
      );
    } else if (report.status === 'failed') {
      options.log(`${progress}error ${report.error}`);
    } else {
      options.log(
        `${progress}ok ${report.file}: segments ${report.segmentsRead} read = ${report.segmentsWritten} written, English page ${report.english}`,
      );
    }
    for (const warning of report.warnings) {
      options.log(`  warning ${warning.file ?? report.file}:${warning.line}: ${warning.message}`);
    }
    return report;
  });
  const summary: RunSummary = {
    files: reports,
    imported: reports.filter((report) => report.status === 'imported').length,
    skipped: reports.filter((report) => report.status === 'skipped').length,
    failed: reports.filter((report) => report.status === 'failed').length,
    segments: reports.reduce((sum, report) => sum + report.segmentsWritten, 0),
    warnings: reports.reduce((sum, report) => sum + report.warnings.length, 0),
  };
  options.log(
    `${files.length} file(s): ${summary.imported} imported, ${summary.skipped} skipped, ${summary.failed} failed; ` +
      `${summary.segments} segments; ${summary.warnings} warning(s); ${summary.failed} error(s)`,
  );
  return summary;
}

function prepareFile(file: string, fileCount: number, options: RunOptions): PreparedFile {
  const where = relative(process.cwd(), file);
  const report: FileReport = {
    file: where,
    status: 'imported',
    segmentsRead: 0,
    segmentsWritten: 0,
    warnings: [],
    outputs: [],
  };
  if (basename(file).toLowerCase() === 'toc.md') {
    // The navigation tree: not an article, but the site's sidebar, breadcrumbs and home pages
    // are built from it (src/site/navigation/), so it is copied beside the articles.
    const folder = localeFolderOf(file);
    const outputs =
      folder === undefined
        ? []
        : [join(options.outDir, localeFolder(folder), `${articlePathOf(file)}.md`)];
    return { report: { ...report, status: 'skipped', outputs } };
  }
  try {
    const articlePath = articlePathOf(file, fileCount === 1 ? options.as : undefined);
    const article = importSxsArticle(decodeSource(readFileSync(file)), {
      sourcePath: where.split(sep).join('/'),
      imageExists: (path) => existsSync(join(dirname(file), path)),
    });
    report.segmentsRead = article.segmentsRead;
    report.segmentsWritten = article.segmentsWritten;
    report.warnings.push(...article.warnings);
    const folder = localeFolderOf(file);
    if (folder !== undefined && localeFolder(folder) !== article.localeFolder) {
      report.warnings.push({
        kind: 'locale-mismatch',
        line: article.localeLine,
        message: `ms.contentlocale ${article.locale} disagrees with the folder ${folder}/: the page goes to ${article.localeFolder}/, as ms.contentlocale says`,
      });
      report.warnings.sort((a, b) => a.line - b.line);
    }
    return { report, article, articlePath };
  } catch (error) {
    return { report: failed(report, error) };
  }
}

function writePrepared(entry: PreparedFile, outDir: string, force: boolean): FileReport {
  const { report, article, articlePath } = entry;
  if (report.status === 'skipped') {
    for (const output of report.outputs) {
      mkdirSync(dirname(output), { recursive: true });
      copyFileSync(resolve(report.file), output);
    }
    return report;
  }
  if (!article || articlePath === undefined) return report;
  try {
    const written = writeArticle(article, outDir, articlePath, { force });
    report.english = written.english;
    report.warnings.push(...written.warnings);
    report.outputs.push(written.translatedPath, written.sidecarPath);
    if (written.english === 'written') report.outputs.push(written.englishPath);
    return report;
  } catch (error) {
    return failed(report, error);
  }
}

function failed(report: FileReport, error: unknown): FileReport {
  const message =
    error instanceof ImportError
      ? `${report.file}:${error.line}: ${error.message}`
      : `${report.file}: ${error instanceof Error ? error.message : String(error)}`;
  return { ...report, status: 'failed', segmentsWritten: 0, error: message };
}

/**
 * Fails every converted file whose page another input of this run would also write: the same
 * locale folder and article path (which `ms.contentlocale` decides, not the folder the input is
 * in), or an English `ms.contentlocale`, whose page is the English page the other translations
 * of the article write. Compared without case, as the site's URLs and some file systems do.
 */
function refuseCollisions(prepared: PreparedFile[], outDir: string): void {
  const byArticle = new Map<string, PreparedFile[]>();
  for (const entry of prepared) {
    if (!entry.article || entry.articlePath === undefined) continue;
    const key = entry.articlePath.toLowerCase();
    byArticle.set(key, [...(byArticle.get(key) ?? []), entry]);
  }
  const refusals = new Map<PreparedFile, string>();
  for (const same of byArticle.values()) {
    for (const entry of same) {
      const folder = entry.article?.localeFolder;
      const others = same.filter(
        (other) =>
          other !== entry &&
          (other.article?.localeFolder === folder ||
            folder === 'en' ||
            other.article?.localeFolder === 'en'),
      );
      if (others.length === 0) continue;
      const target = join(
        outDir,
        others.some((other) => other.article?.localeFolder === folder) ? (folder ?? '') : 'en',
        `${entry.articlePath}.md`,
      );
      const inputs = [entry, ...others]
        .map((input) => `${input.report.file} (ms.contentlocale ${input.article?.locale})`)
        .join(' and ');
      refusals.set(
        entry,
        `${entry.report.file}:${entry.article?.localeLine}: ${inputs} would ${others.length === 1 ? 'both' : 'all'} write ${target}: ${others.length === 1 ? 'neither' : 'none'} was imported. ms.contentlocale decides where a page goes; correct it in the file that has it wrong`,
      );
    }
  }
  for (const [entry, error] of refusals) {
    entry.report = { ...entry.report, status: 'failed', segmentsWritten: 0, error };
    delete entry.article;
  }
}

/** Which translation's English became an article's English page, when they disagreed. */
export interface EnglishChoice {
  articlePath: string;
  winner: PreparedFile;
  others: PreparedFile[];
  reason: 'newer-handoff' | 'same-revision';
  /** False when the English pages differ only in front matter (author, source commit). */
  textDiffers: boolean;
}

/**
 * Rebuilds each article's English page from every translation of it in this run. When the
 * translations carry different English (Microsoft localized them from different revisions), the
 * English handed to translation last (`ms.lasthandoff`) wins: it is the newer English, and the
 * other translations' sentences then show as outdated against it. When both were handed off the
 * same day, the first locale folder in alphabetical order wins, so a re-import is stable.
 */
export function chooseEnglish(prepared: readonly PreparedFile[]): EnglishChoice[] {
  const byArticle = new Map<string, PreparedFile[]>();
  for (const entry of prepared) {
    if (!entry.article || entry.articlePath === undefined || entry.article.localeFolder === 'en')
      continue;
    const key = entry.articlePath.toLowerCase();
    byArticle.set(key, [...(byArticle.get(key) ?? []), entry]);
  }
  const choices: EnglishChoice[] = [];
  for (const entries of byArticle.values()) {
    const ranked = entries.toSorted(
      (a, b) =>
        (b.article?.englishRevision.handedOff ?? '').localeCompare(
          a.article?.englishRevision.handedOff ?? '',
        ) || (a.article?.localeFolder ?? '').localeCompare(b.article?.localeFolder ?? ''),
    );
    const [winner, ...rest] = ranked;
    if (!winner?.article) continue;
    const english = winner.article.english;
    const others = rest.filter((entry) => entry.article && entry.article.english !== english);
    if (others.length === 0) continue;
    const body = (page: string) => page.slice(page.indexOf('\n---\n'));
    const textDiffers = others.some(
      (entry) => body(entry.article?.english ?? '') !== body(english),
    );
    for (const entry of others) if (entry.article) entry.article = { ...entry.article, english };
    const newer = others.every(
      (entry) =>
        (entry.article?.englishRevision.handedOff ?? '') <
        (winner.article?.englishRevision.handedOff ?? ''),
    );
    choices.push({
      articlePath: winner.articlePath ?? '',
      winner,
      others,
      reason: newer ? 'newer-handoff' : 'same-revision',
      textDiffers,
    });
  }
  return choices;
}

/** One report line on an English page that two translations disagreed on. */
function describeEnglishChoice({
  articlePath,
  winner,
  others,
  reason,
  textDiffers,
}: EnglishChoice): string {
  const revision = (entry: PreparedFile) =>
    `${entry.article?.localeFolder} (ms.sourcegitcommit ${entry.article?.englishRevision.commit.slice(0, 7) || 'none'}, ms.lasthandoff ${entry.article?.englishRevision.handedOff || 'none'})`;
  const why =
    reason === 'newer-handoff'
      ? `it was handed to translation last, so it is the newer English${textDiffers ? '; the sentences that changed show as outdated in the other translations' : ''}`
      : 'both were handed to translation the same day, so the first language folder wins';
  const what = textDiffers ? 'different English text' : 'English that differs only in front matter';
  return `english ${articlePath}: the translations carry ${what}; ${revision(winner)} wins over ${others.map(revision).join(', ')}: ${why}`;
}

/** `…/ja-jp/partner-center/x.md` → `partner-center/x`, from the last folder named like a locale. */
export function articlePathOf(file: string, as?: string): string {
  if (as !== undefined)
    return as
      .replace(/\\/g, '/')
      .replace(/^\/+/, '')
      .replace(/\.(md|txt)$/i, '');
  const parts = resolve(file).split(sep);
  const locale = localeFolderIndex(parts);
  if (locale === -1) {
    throw new Error(
      `cannot tell the article path: the file is not below a locale folder like ja-jp/; import it alone with --as <article path>`,
    );
  }
  const rest = parts.slice(locale + 1).join('/');
  return rest.slice(0, rest.length - extname(rest).length);
}

/** The locale folder (`ja-jp`) a file is below, or undefined. */
function localeFolderOf(file: string): string | undefined {
  const parts = resolve(file).split(sep);
  return parts[localeFolderIndex(parts)];
}

function localeFolderIndex(parts: readonly string[]): number {
  return parts.findLastIndex((part, index) => index < parts.length - 1 && LOCALE_FOLDER.test(part));
}

function expand(input: string): string[] {
  if (!existsSync(input)) throw new Error(`${input} does not exist`);
  if (statSync(input).isDirectory()) {
    return readdirSync(input, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.toLowerCase().endsWith('.md'))
      .map((name) => join(input, name))
      .filter((path) => statSync(path).isFile())
      .sort();
  }
  if (!/\.(md|txt)$/i.test(input)) throw new Error(`${input} is neither a .md nor a .txt file`);
  return [input];
}
