import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import { ImportedFrontmatterSchema } from '../article/frontmatter-schema.ts';
import { SegmentsFileSchema } from '../article/segments-schema.ts';
import { sourceHash } from '../importer/article.ts';
import { resolveArticleLink } from '../site/markdown/article-links.ts';
import type { SiteLocale } from '../site/locales.ts';
import { anchorsOf, listArticles, type ArticleFile } from './article-files.ts';
import type { Problem } from './problem.ts';

/** What the article check needs to know about the project. */
export interface ArticleCheckOptions {
  /** Project root: file names in messages are relative to it. */
  readonly root: string;
  /** Absolute paths of the content folders of this build. */
  readonly contentDirs: readonly string[];
  /** The site's locales; the first is English, the source of every translation. */
  readonly locales: readonly SiteLocale[];
}

/** A Markdown link or image target: `](target)` or `](target "title")`. */
const LINK = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

/**
 * Checks every article: its front matter against the schema, the heading anchors English has,
 * relative links to other articles, and the integrity of its segments sidecar.
 */
export function checkArticles(options: ArticleCheckOptions): Problem[] {
  const { root, contentDirs, locales } = options;
  const [english] = locales;
  if (!english) return [];
  const problems: Problem[] = [];
  const articles = contentDirs.flatMap((dir) =>
    listArticles(
      dir,
      locales.map((locale) => locale.folder),
    ),
  );
  const englishAnchors = new Map<string, Map<string, number>>();
  const englishCommits = new Map<string, string | undefined>();
  for (const article of articles.filter((candidate) => candidate.folder === english.folder)) {
    const text = readFileSync(article.file, 'utf8');
    englishAnchors.set(article.path, anchorsOf(text));
    englishCommits.set(article.path, sourceCommitOf(text));
  }
  for (const article of articles) {
    const locale = locales.find((candidate) => candidate.folder === article.folder);
    if (!locale) continue;
    const text = readFileSync(article.file, 'utf8');
    const name = relative(root, article.file);
    problems.push(...checkFrontmatter(name, text));
    problems.push(...checkLinks(name, text, article, locale, contentDirs));
    if (article.folder !== english.folder) {
      const anchors = anchorsOf(text);
      // A translation of another English version (Microsoft translates each revision) lacks the
      // headings added since: that is an outdated page, reported, not a broken one.
      const commit = sourceCommitOf(text);
      const englishCommit = englishCommits.get(article.path);
      const otherVersion =
        commit !== undefined && englishCommit !== undefined && commit !== englishCommit;
      for (const [anchor, line] of englishAnchors.get(article.path) ?? []) {
        if (!anchors.has(anchor))
          problems.push({
            file: name,
            line: 0,
            severity: otherVersion ? 'warning' : 'error',
            message: otherVersion
              ? `anchor "${anchor}" of the English page (line ${line}) is missing: this page was translated from another English version (ms.sourcegitcommit ${commit}, English ${englishCommit}); update the translation`
              : `anchor "${anchor}" is missing: keep <a name="${anchor}"></a> at the start of the heading, as the English page has it (line ${line}); links to #${anchor} lead there in every language`,
          });
      }
      problems.push(...checkSidecar(root, article));
    }
  }
  return problems;
}

/** `ms.sourcegitcommit` of a page: the English revision it was written from. */
function sourceCommitOf(text: string): string | undefined {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  return /^ms\.sourcegitcommit:\s*['"]?([0-9a-f]+)/m.exec(frontmatter)?.[1];
}

/** The front matter of `text` against the schema, each problem at its key's line. */
export function checkFrontmatter(file: string, text: string): Problem[] {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!match) {
    return [
      {
        file,
        line: 1,
        severity: 'error',
        message: 'front matter is missing: the page must start with --- and the title',
      },
    ];
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(match[1] ?? '', { lineCounter, uniqueKeys: true });
  if (document.errors.length > 0) {
    return document.errors.map((error) => ({
      file,
      line: (error.linePos?.[0].line ?? 0) + 1,
      severity: 'error' as const,
      message: `front matter is not valid YAML: ${error.message.split('\n')[0]}`,
    }));
  }
  const lineOf = (key: PropertyKey | undefined): number => {
    const contents = document.contents;
    if (key === undefined || !isMap(contents)) return 1;
    const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === key);
    const offset = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
    return offset === undefined ? 1 : lineCounter.linePos(offset).line + 1;
  };
  const result = ImportedFrontmatterSchema.safeParse(document.toJS());
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    file,
    line: lineOf(issue.path[0]),
    severity: 'error' as const,
    message: `front matter ${issue.path.length > 0 ? `"${issue.path.join('.')}"` : ''}: ${issue.message}`,
  }));
}

function checkLinks(
  file: string,
  text: string,
  article: ArticleFile,
  locale: SiteLocale,
  contentDirs: readonly string[],
): Problem[] {
  const problems: Problem[] = [];
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(LINK)) {
      try {
        resolveArticleLink(match[1] ?? '', `${article.path}.md`, locale, contentDirs);
      } catch (error) {
        problems.push({
          file,
          line: index + 1,
          severity: 'error',
          message: (error as Error).message,
        });
      }
    }
  });
  return problems;
}

function checkSidecar(root: string, article: ArticleFile): Problem[] {
  const path = article.file.replace(/\.md$/, '.segments.json');
  if (!existsSync(path)) return [];
  const file = relative(root, path);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return [
      { file, line: 0, severity: 'error', message: `not valid JSON: ${(error as Error).message}` },
    ];
  }
  const parsed = SegmentsFileSchema.safeParse(json);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      file,
      line: 0,
      severity: 'error' as const,
      message: `${issue.path.join('.')}: ${issue.message}; re-import the article to rewrite this file`,
    }));
  }
  return parsed.data.segments
    .filter((segment) => sourceHash(segment.source) !== segment.sourceHash)
    .map((segment) => ({
      file,
      line: 0,
      severity: 'error' as const,
      message: `segment ${segment.id}: sourceHash does not match its English source; the importer writes this file, re-import instead of editing it`,
    }));
}
