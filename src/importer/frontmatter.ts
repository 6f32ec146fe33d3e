import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, LineCounter, parse, parseDocument, stringify } from 'yaml';
import { ImportError } from './import-error.ts';

/** Front matter keys in their original order, with their YAML types. */
export type FrontmatterEntries = Array<[key: string, value: unknown]>;

/** A source file split into its front matter and body. */
export interface SplitSource {
  entries: FrontmatterEntries;
  /** 1-based line in the file of each top-level front matter key. */
  keyLines: Map<string, number>;
  body: string;
  /** 1-based line of the first body line. */
  bodyLine: number;
}

/**
 * Splits `---` front matter from the body and reads it as YAML 1.2, so `2020-05-06` and
 * `04/07/2020` stay strings and quoted numbers like `"82797770"` stay quoted strings. Values keep
 * their YAML types: an unquoted `ms.locfileid: 82797770` stays a number, a list stays a list.
 */
export function splitFrontmatter(text: string): SplitSource {
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') {
    throw new ImportError(1, 'missing front matter: the file must start with a --- line');
  }
  const close = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (close === -1) throw new ImportError(1, 'broken front matter: no closing --- line');
  const lineCounter = new LineCounter();
  const document = parseDocument(lines.slice(1, close).join('\n'), {
    uniqueKeys: true,
    lineCounter,
  });
  const error = document.errors[0];
  if (error) {
    const line = 1 + (error.linePos?.[0]?.line ?? 1);
    throw new ImportError(
      line,
      `broken front matter: ${withoutPosition(error.message.split('\n')[0] ?? '')}`,
    );
  }
  const data: unknown = document.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ImportError(2, 'broken front matter: it is not a list of key: value pairs');
  }
  const keyLines = new Map<string, number>();
  if (isMap(document.contents)) {
    for (const { key } of document.contents.items) {
      if (!isScalar(key) || !key.range) continue;
      // The YAML text starts on the file's second line, after the opening `---`.
      keyLines.set(String(key.value), 1 + lineCounter.linePos(key.range[0]).line);
    }
  }
  return {
    entries: Object.entries(data),
    keyLines,
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
  };
}

/**
 * Writes front matter as YAML that YAML 1.1 readers also read back unchanged: strings that look
 * like dates, numbers or booleans are quoted.
 */
export function formatFrontmatter(entries: FrontmatterEntries): string {
  const yaml = stringify(Object.fromEntries(entries), { schema: 'yaml-1.1', lineWidth: 0 });
  return `---\n${yaml}---\n`;
}

/**
 * The first key whose value a YAML 1.1 reader (Astro reads front matter with js-yaml, which also
 * merges `<<` keys and reads timestamps) would not read back as written, or undefined when every
 * key reads back the same. Guards against front matter that means more to the site than to us.
 */
export function keyNotReadBack(entries: FrontmatterEntries): string | undefined {
  const formatted = formatFrontmatter(entries);
  const readBack: unknown = parse(formatted.slice(4, -4), { schema: 'yaml-1.1', merge: true });
  const read = new Map(
    Object.entries(readBack !== null && typeof readBack === 'object' ? readBack : {}),
  );
  for (const [key, value] of entries) {
    if (!read.has(key) || !isDeepStrictEqual(read.get(key), value)) return key;
    read.delete(key);
  }
  return read.keys().next().value;
}

/** A YAML error message without its final ` at line 3, column 7:`, found without backtracking. */
function withoutPosition(message: string): string {
  const at = message.lastIndexOf(' at line ');
  return at !== -1 && /^ at line \d+, column \d+:?$/.test(message.slice(at))
    ? message.slice(0, at)
    : message;
}
