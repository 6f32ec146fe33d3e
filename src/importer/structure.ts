import GithubSlugger from 'github-slugger';
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
const ALERT = /^(\s*)>\s?\[!([^\]\n]+)\]\s*(.*)$/;
const BLOCKQUOTE_LINE = /^\s*>/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/;
const HEADING = /^(#{1,6})\s+(.*)$/;
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
    const anchor = /<a name="([^"]*)"><\/a>/.exec(line);
    if (anchor?.[1]) slugger.slug(anchor[1]);
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

    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1]?.length ?? 1;
      if (level === 1 && result.h1 === undefined) {
        result.h1 = (heading[2] ?? '').replace(ANCHOR, '').trim();
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
        let item = LIST_ITEM.exec(lines[next] ?? '');
        item;
        item = LIST_ITEM.exec(lines[next] ?? '')
      ) {
        items.push((item[1] ?? '').trim());
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
    if (boldText !== undefined && LIST_ITEM.test(lines[skipBlankLines(lines, index + 1)] ?? '')) {
      const level = Math.min(Math.max(headingLevel + 1, 2), 4);
      const slug = slugger.slug(boldText.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'));
      push(`${'#'.repeat(level)} <a name="${slug}"></a>${segmentToken(segment)}`, lineNumber);
      result.headingSegments.add(segment);
      index += 1;
      continue;
    }

    const alert = ALERT.exec(line);
    if (alert) {
      index = writeAside(lines, index, alert, push, pushBlankUnlessAfterBlank);
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
  start: number,
  alert: RegExpExecArray,
  push: (line: string, lineNumber: number) => void,
  pushBlankUnlessAfterBlank: () => void,
): number {
  const indent = alert[1] ?? '';
  const marker = (alert[2] ?? '').replaceAll('*', '').trim().toUpperCase();
  const content: string[] = [];
  if ((alert[3] ?? '').trim() !== '') content.push((alert[3] ?? '').trimStart());
  let index = start + 1;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    if (BLOCKQUOTE_LINE.test(line)) {
      content.push(line.replace(/^\s*> ?/, ''));
    } else if (
      line.trim() !== '' &&
      (content.at(-1) ?? '').trim() !== '' &&
      !BLOCK_START.test(line)
    ) {
      // A lazy continuation line: CommonMark keeps it in the block quote's paragraph.
      content.push(line.trim());
    } else {
      break;
    }
    index += 1;
  }
  while (content.length > 0 && (content[0] ?? '').trim() === '') content.shift();
  while (content.length > 0 && (content.at(-1) ?? '').trim() === '') content.pop();
  pushBlankUnlessAfterBlank();
  push(`${indent}:::${ASIDE_KINDS[marker] ?? 'note'}`, 0);
  for (const line of content) push(line.trim() === '' ? '' : `${indent}${line}`, 0);
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
  const words = english.replaceAll('*', '').replace(/:\s*$/, '').trim().toLowerCase();
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
  return unbold(text.trim())
    .replace(/\s*[:：]$/, '')
    .replace(/^\*\*([\s\S]+)\*\*$/, '$1');
}

/** Drops the `**` around a segment that became a heading. */
export function unbold(text: string): string {
  const match = /^\s*\*\*([\s\S]+)\*\*(:?)\s*$/.exec(text);
  return match && !match[1]?.includes('**') ? `${match[1]}${match[2]}` : text;
}
