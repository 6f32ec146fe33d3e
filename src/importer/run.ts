import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { importSxsArticle } from './article.ts';
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

/** Imports every sxs article found in `inputs` (files or folders) and reports as it goes. */
export function runImport(inputs: readonly string[], options: RunOptions): RunSummary {
  const files = inputs.flatMap((input) => expand(input));
  const reports: FileReport[] = [];
  files.forEach((file, index) => {
    const progress = files.length > 1 ? `[${index + 1}/${files.length}] ` : '';
    const report = importFile(file, files.length, options);
    reports.push(report);
    const where = relative(process.cwd(), file);
    if (report.status === 'skipped') {
      options.log(`${progress}skip ${where}: navigation file (TOC.md), not an article`);
    } else if (report.status === 'failed') {
      options.log(`${progress}error ${report.error}`);
    } else {
      options.log(
        `${progress}ok ${where}: segments ${report.segmentsRead} read = ${report.segmentsWritten} written, English page ${report.english}`,
      );
    }
    for (const warning of report.warnings) {
      options.log(`  warning ${warning.file ?? where}:${warning.line}: ${warning.message}`);
    }
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

function importFile(file: string, fileCount: number, options: RunOptions): FileReport {
  const where = relative(process.cwd(), file);
  const report: FileReport = {
    file: where,
    status: 'imported',
    segmentsRead: 0,
    segmentsWritten: 0,
    warnings: [],
    outputs: [],
  };
  if (basename(file).toLowerCase() === 'toc.md') return { ...report, status: 'skipped' };
  try {
    const articlePath = articlePathOf(file, fileCount === 1 ? options.as : undefined);
    const article = importSxsArticle(readFileSync(file, 'utf8'), {
      sourcePath: where.split(sep).join('/'),
      imageExists: (path) => existsSync(join(dirname(file), path)),
    });
    report.segmentsRead = article.segmentsRead;
    report.segmentsWritten = article.segmentsWritten;
    report.warnings.push(...article.warnings);
    const written = writeArticle(article, options.outDir, articlePath);
    report.english = written.english;
    report.warnings.push(...written.warnings);
    report.outputs.push(written.translatedPath, written.sidecarPath);
    if (written.english === 'written') report.outputs.push(written.englishPath);
    return report;
  } catch (error) {
    const message =
      error instanceof ImportError
        ? `${where}:${error.line}: ${error.message}`
        : `${where}: ${error instanceof Error ? error.message : String(error)}`;
    return { ...report, status: 'failed', error: message };
  }
}

/** `…/ja-jp/partner-center/x.md` → `partner-center/x`, from the last folder named like a locale. */
export function articlePathOf(file: string, as?: string): string {
  if (as !== undefined)
    return as
      .replace(/\\/g, '/')
      .replace(/^\/+/, '')
      .replace(/\.(md|txt)$/i, '');
  const parts = resolve(file).split(sep);
  const locale = parts.findLastIndex(
    (part, index) => index < parts.length - 1 && LOCALE_FOLDER.test(part),
  );
  if (locale === -1) {
    throw new Error(
      `cannot tell the article path: the file is not below a locale folder like ja-jp/; import it alone with --as <article path>`,
    );
  }
  const rest = parts.slice(locale + 1).join('/');
  return rest.slice(0, rest.length - extname(rest).length);
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
