import { isArticleFile } from '../site/content-dirs.ts';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** One article page: where it is and which locale folder holds it. */
export interface ArticleFile {
  /** Absolute path of the content folder it is in. */
  readonly contentDir: string;
  /** Locale folder, e.g. `ja-jp`. */
  readonly folder: string;
  /** Path below the locale folder without `.md`, e.g. `partner-center/update-customer-account-info`. */
  readonly path: string;
  /** Absolute path of the `.md` file. */
  readonly file: string;
}

/** Every `.md` page below `contentDir/<folder>/`, sorted, for each of `folders`. */
export function listArticles(contentDir: string, folders: readonly string[]): ArticleFile[] {
  return folders.flatMap((folder) => {
    const dir = join(contentDir, folder);
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((name) => name.replaceAll('\\', '/'))
      .filter((name) => isArticleFile(name))
      .sort()
      .map((name) => ({
        contentDir,
        folder,
        path: name.slice(0, -'.md'.length),
        file: join(dir, name),
      }));
  });
}

/** The `<a name="…">` anchors of a page and the line each is on. */
export function anchorsOf(text: string): Map<string, number> {
  const anchors = new Map<string, number>();
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(/<a\s+name="([^"]+)"\s*>/g)) {
      if (match[1] !== undefined && !anchors.has(match[1])) anchors.set(match[1], index + 1);
    }
  });
  return anchors;
}
