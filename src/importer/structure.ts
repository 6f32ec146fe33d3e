import GithubSlugger from 'github-slugger';
import { NextIndex } from './next-index.ts';
import { segmentToken } from './sxs.ts';

/** What the body of an sxs article turns into, still with segment tokens in place of text. */
export interface ArticleStructure {
  /** The H1's text, if the body has one. */
  h1?: string;
  appliesTo?: string[];
  /** The paragraph that introduced `appliesTo`, e.g. `**Applies to**`. */
  appliesToLabel?: string;
  roles?: string[];
  /** The paragraph that introduced `roles`, e.g. `**Appropriate roles**`. */
  rolesLabel?: string;
  /** Body lines without the H1, Applies to and roles, with asides and pseudo-headings rewritten. */
  lines: string[];
  /** 1-based input line of each entry of `lines`, or 0 for lines the importer added. */
  lineNumbers: number[];
  /** Segments now written as a heading: their surrounding `**` is dropped. */
  headingSegments: Set<number>;
  /** Segments now written as the label of a front matter list: `**` and a final colon are dropped. */
  labelSegments: Set<number>;
}

const FENCE = /^\s*(```+|~~~+)/;
const ALERT = /^(\s*)>\s?\[!([^\]\n]+)\]/;
const BLOCKQUOTE_LINE = /^\s*>/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;
const HEADING = /^(#{1,6})\s+/;
/** Line terminators other than `\n`, which `.` in a pattern does not match. */
const LINE_TERMINATOR = /[\r\u2028\u2029]/;
const BLOCK_START = /^\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}\s|```|~~~|\||:::|<)/;
const ANCHOR = /^<a name="([^"]*)"><\/a>\s*/;
const SOLE_TOKEN = /^\s*\uE003(\d+)\uE004\s*$/;

const ASIDE_KINDS: Record<string, string> = {
  NOTE: 'note',
  TIP: 'tip',
  IMPORTANT: 'caution',
  WARNING: 'caution',
  CAUTION: 'danger',
};

/**
 * Finds the article's structure: the H1, the "Applies to" and "Appropriate roles" lists,
 * alert blocks and bold pseudo-headings. Segments are recognized by their English text,
 * so a translation that reads differently still lands in the right place.
 */
export function restructure(
  lines: readonly string[],
  lineNumbers: readonly number[],
  english: readonly string[],
): ArticleStructure {
  const result: ArticleStructure = {
    lines: [],
    lineNumbers: [],
    headingSegments: new Set(),
    labelSegments: new Set(),
  };
  const slugger = new GithubSlugger();
  for (const line of lines) {
    const anchor = anchorName(line);
    if (anchor) slugger.slug(anchor);
  }
  const out = result.lines;
  const push = (line: string, lineNumber: number): void => {
    out.push(line);
    result.lineNumbers.push(lineNumber);
  };
  const pushBlankUnlessAfterBlank = (): void => {
    if (out.length > 0 && out.at(-1)?.trim() !== '') push('', 0);
  };
  let fence: string | undefined;
  let headingLevel = 1;
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    const lineNumber = lineNumbers[index] ?? 0;
    const fenceMatch = FENCE.exec(line);
    if (fence !== undefined) {
      if (fenceMatch?.[1]?.startsWith(fence)) fence = undefined;
      push(line, lineNumber);
      index += 1;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]?.slice(0, 3);
      push(line, lineNumber);
      index += 1;
      continue;
    }

    const heading = afterPrefix(HEADING, line);
    if (heading) {
      const level = heading.match[1]?.length ?? 1;
      if (level === 1 && result.h1 === undefined) {
        result.h1 = heading.rest.replace(ANCHOR, '').trim();
        index = skipBlankLines(lines, index + 1);
        continue;
      }
      headingLevel = level;
    }

    const sole = SOLE_TOKEN.exec(line);
    const segment = sole ? Number(sole[1]) : -1;
    const label = segment >= 0 ? metadataLabel(english[segment] ?? '') : undefined;
    if (label && !line.startsWith(' ')) {
      const listStart = skipBlankLines(lines, index + 1);
      const items: string[] = [];
      let next = listStart;
      for (
        let item = afterPrefix(LIST_ITEM, lines[next] ?? '');
        item;
        item = afterPrefix(LIST_ITEM, lines[next] ?? '')
      ) {
        items.push(item.rest.trim());
        next += 1;
      }
      if (items.length > 0 && result[label] === undefined) {
        result[label] = items;
        result[label === 'appliesTo' ? 'appliesToLabel' : 'rolesLabel'] = line.trim();
        result.labelSegments.add(segment);
        index = skipBlankLines(lines, next);
        if (out.length > 0 && index < lines.length) pushBlankUnlessAfterBlank();
        continue;
      }
    }

    const boldText =
      segment >= 0 && !label && !line.startsWith(' ')
        ? soleBoldText(english[segment] ?? '')
        : undefined;
    if (
      boldText !== undefined &&
      afterPrefix(LIST_ITEM, lines[skipBlankLines(lines, index + 1)] ?? '')
    ) {
      const level = Math.min(Math.max(headingLevel + 1, 2), 4);
      const slug = slugger.slug(linkTextsOnly(boldText));
      push(`${'#'.repeat(level)} <a name="${slug}"></a>${segmentToken(segment)}`, lineNumber);
      result.headingSegments.add(segment);
      index += 1;
      continue;
    }

    const alert = afterPrefix(ALERT, line, true);
    if (alert) {
      index = writeAside(lines, lineNumbers, index, alert, push, pushBlankUnlessAfterBlank);
      if (index < lines.length && (lines[index] ?? '').trim() !== '') push('', 0);
      continue;
    }

    push(line, lineNumber);
    index += 1;
  }
  return result;
}

function writeAside(
  lines: readonly string[],
  lineNumbers: readonly number[],
  start: number,
  alert: PrefixMatch,
  push: (line: string, lineNumber: number) => void,
  pushBlankUnlessAfterBlank: () => void,
): number {
  const indent = alert.match[1] ?? '';
  const marker = (alert.match[2] ?? '').replaceAll('*', '').trim().toUpperCase();
  // Each line of the aside keeps the input line it came from, so warnings can name it.
  const content: Array<{ text: string; line: number }> = [];
  if (alert.rest.trim() !== '') content.push({ text: alert.rest, line: lineNumbers[start] ?? 0 });
  let index = start + 1;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    const lineNumber = lineNumbers[index] ?? 0;
    if (BLOCKQUOTE_LINE.test(line)) {
      content.push({ text: line.replace(/^\s*> ?/, ''), line: lineNumber });
    } else if (
      line.trim() !== '' &&
      (content.at(-1)?.text ?? '').trim() !== '' &&
      !BLOCK_START.test(line)
    ) {
      // A lazy continuation line: CommonMark keeps it in the block quote's paragraph.
      content.push({ text: line.trim(), line: lineNumber });
    } else {
      break;
    }
    index += 1;
  }
  while (content.length > 0 && (content[0]?.text ?? '').trim() === '') content.shift();
  while (content.length > 0 && (content.at(-1)?.text ?? '').trim() === '') content.pop();
  pushBlankUnlessAfterBlank();
  push(`${indent}:::${ASIDE_KINDS[marker] ?? 'note'}`, 0);
  for (const { text, line } of content) push(text.trim() === '' ? '' : `${indent}${text}`, line);
  push(`${indent}:::`, 0);
  return index;
}

function skipBlankLines(lines: readonly string[], from: number): number {
  let index = from;
  while (index < lines.length && (lines[index] ?? '').trim() === '') index += 1;
  return index;
}

/** Which front matter list a paragraph introduces, judged by its English text. */
function metadataLabel(english: string): 'appliesTo' | 'roles' | undefined {
  const words = withoutFinalColon(english.replaceAll('*', '')).trim().toLowerCase();
  if (words === 'applies to') return 'appliesTo';
  if (words === 'appropriate roles') return 'roles';
  return undefined;
}

/** The text of an English segment that is entirely one bold run, like `**Update customer details**`. */
function soleBoldText(english: string): string | undefined {
  const match = /^\*\*([^*]+)\*\*:?$/.exec(english.trim());
  return match?.[1]?.trim();
}

/** Drops the `**` and the final colon of a segment that became a front matter label. */
export function toLabel(text: string): string {
  const label = unbold(text.trim());
  const withoutColon =
    label.endsWith(':') || label.endsWith('：') ? label.slice(0, -1).trimEnd() : label;
  return withoutColon.replace(/^\*\*([\s\S]+)\*\*$/, '$1');
}

/** Drops the `**` around a segment that became a heading. */
export function unbold(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('**')) return text;
  const colon = trimmed.endsWith('**:') ? ':' : '';
  if (!colon && !trimmed.endsWith('**')) return text;
  const inner = trimmed.slice(2, trimmed.length - 2 - colon.length);
  return inner !== '' && !inner.includes('**') ? `${inner}${colon}` : text;
}

/** A pattern's match at the start of a line, and the rest of the line after it. */
interface PrefixMatch {
  match: RegExpExecArray;
  rest: string;
}

/**
 * `pattern` (anchored at the start) followed by the rest of the line, as `pattern` + `(.*)$` would
 * read it (or `\s*(.*)$` with `trimStart`), without the backtracking that such a tail costs.
 */
function afterPrefix(pattern: RegExp, line: string, trimStart = false): PrefixMatch | undefined {
  const match = pattern.exec(line);
  if (!match) return undefined;
  const rest = trimStart ? line.slice(match[0].length).trimStart() : line.slice(match[0].length);
  return LINE_TERMINATOR.test(rest) ? undefined : { match, rest };
}

/** The name of the first `<a name="…"></a>` anchor of a line. */
function anchorName(line: string): string | undefined {
  const open = '<a name="';
  for (let at = line.indexOf(open); at !== -1; at = line.indexOf(open, at + 1)) {
    const quote = line.indexOf('"', at + open.length);
    if (quote === -1) return undefined;
    if (line.startsWith('"></a>', quote)) return line.slice(at + open.length, quote);
  }
  return undefined;
}

/** `[text](target)` → `text`, for every link of a bold pseudo-heading. */
function linkTextsOnly(text: string): string {
  const next = new NextIndex(text);
  let result = '';
  let position = 0;
  for (let open = next.of('[', position); open !== -1; open = next.of('[', position)) {
    const close = next.of(']', open);
    const paren = close === -1 || text[close + 1] !== '(' ? -1 : next.of(')', close + 2);
    if (paren === -1) {
      result += text.slice(position, open + 1);
      position = open + 1;
      continue;
    }
    result += text.slice(position, open) + text.slice(open + 1, close);
    position = paren + 1;
  }
  return result + text.slice(position);
}

/** Drops a final `:` and the spaces after it. */
function withoutFinalColon(text: string): string {
  const trimmed = text.trimEnd();
  return trimmed.endsWith(':') ? trimmed.slice(0, -1) : text;
}
