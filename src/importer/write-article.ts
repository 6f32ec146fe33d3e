import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ImportedArticle } from './article.ts';
import type { ImportWarning } from './import-error.ts';
import { SegmentsFileSchema } from '../article/segments-schema.ts';
import { keepDescription, keepHandEdits } from './hand-edits.ts';
import { siteKeyLines, withSiteKeyLines, withoutSiteKeys } from './site-keys.ts';

/** Where an imported article's files went, and what happened to its English page. */
export interface WrittenArticle {
  translatedPath: string;
  sidecarPath: string;
  englishPath: string;
  english: 'written' | 'unchanged' | 'differs';
  warnings: ImportWarning[];
}

/**
 * Writes the translated page, its sidecar and (when new) the English page. All files go to
 * temporary names first and are renamed only once every one of them was written, so a failure
 * leaves nothing half-imported. An existing English page that differs is kept and reported;
 * site-owned front matter keys (see `site-keys.ts`) are kept and do not count as differences;
 * sentences a person edited in the translated page are kept and reported (`force` replaces them).
 */
export function writeArticle(
  article: ImportedArticle,
  outDir: string,
  articlePath: string,
  { force = false }: { force?: boolean } = {},
): WrittenArticle {
  const translatedPath = join(outDir, article.localeFolder, `${articlePath}.md`);
  const sidecarPath = join(outDir, article.localeFolder, `${articlePath}.segments.json`);
  const englishPath = join(outDir, 'en', `${articlePath}.md`);
  const warnings: ImportWarning[] = [];
  let translated = article.translated;
  if (existsSync(translatedPath)) {
    const page = readFileSync(translatedPath, 'utf8');
    // A person's edits since the last import are kept (see hand-edits.ts), unless --force.
    const sidecar = existsSync(sidecarPath)
      ? SegmentsFileSchema.safeParse(JSON.parse(readFileSync(sidecarPath, 'utf8')))
      : undefined;
    if (sidecar?.success) {
      const merged = keepHandEdits(
        { path: translatedPath, page, sidecar: sidecar.data },
        translated,
        article.sidecar,
        force,
      );
      translated = merged.page;
      warnings.push(...merged.warnings);
      const description = keepDescription({ path: translatedPath, page }, translated, force);
      translated = description.page;
      warnings.push(...description.warnings);
    } else if (page !== translated && !force) {
      throw new Error(
        `${translatedPath} exists without a readable ${sidecarPath}, so its hand edits cannot be told from the last import; re-import with --force to replace the page`,
      );
    }
    // Keys the site added to the page (e.g. `task`) survive a re-import.
    translated = withSiteKeyLines(translated, siteKeyLines(page));
  }
  const files = new Map([
    [translatedPath, translated],
    [sidecarPath, `${JSON.stringify(article.sidecar, null, 2)}\n`],
  ]);
  let english: WrittenArticle['english'] = 'written';
  if (article.localeFolder !== 'en' && existsSync(englishPath)) {
    const existing = withoutSiteKeys(readFileSync(englishPath, 'utf8'));
    english = existing === article.english ? 'unchanged' : 'differs';
    if (english === 'differs')
      warnings.push(...englishDifferences(englishPath, existing, article.english));
  }
  if (english === 'written' && article.localeFolder !== 'en')
    files.set(englishPath, article.english);

  const temporary = new Map<string, string>();
  try {
    for (const [path, content] of files) {
      mkdirSync(dirname(path), { recursive: true });
      const temp = `${path}.${process.pid}.tmp`;
      temporary.set(temp, path);
      writeFileSync(temp, content);
    }
    for (const [temp, path] of temporary) renameSync(temp, path);
  } catch (error) {
    for (const temp of temporary.keys()) rmSync(temp, { force: true });
    throw error;
  }
  return { translatedPath, sidecarPath, englishPath, english, warnings };
}

const SHOWN_DIFFERENCES = 5;

/** One warning per differing line of the English page (up to a few), old text against new. */
export function englishDifferences(
  path: string,
  existing: string,
  rebuilt: string,
): ImportWarning[] {
  const oldLines = existing.split('\n');
  const newLines = rebuilt.split('\n');
  const differing: number[] = [];
  for (let index = 0; index < Math.max(oldLines.length, newLines.length); index += 1) {
    if (oldLines[index] !== newLines[index]) differing.push(index);
  }
  const warnings: ImportWarning[] = differing.slice(0, SHOWN_DIFFERENCES).map((index) => ({
    kind: 'english-differs',
    file: path,
    line: index + 1,
    message: `the English source differs from the existing page, which was kept: old ${JSON.stringify(oldLines[index] ?? '')}, new ${JSON.stringify(newLines[index] ?? '')}`,
  }));
  const more = differing[SHOWN_DIFFERENCES];
  if (more !== undefined) {
    warnings.push({
      kind: 'english-differs',
      file: path,
      line: more + 1,
      message: `…and ${differing.length - SHOWN_DIFFERENCES} more differing line(s)`,
    });
  }
  return warnings;
}
