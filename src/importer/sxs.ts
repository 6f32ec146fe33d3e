import { ImportError } from './import-error.ts';

/** One sentence pair of a side-by-side (sxs) file, as found in the input. */
export interface SxsSegment {
  id: string;
  target: string;
  source: string;
  /** 1-based line in the input file where the translated span starts. */
  line: number;
}

/** The body with every span pair replaced by a token, and the pairs themselves. */
export interface SxsBody {
  /** Lines of the body; each span pair is one `segmentToken(i)`. */
  lines: string[];
  /** 1-based input line of each entry of `lines`. */
  lineNumbers: number[];
  segments: SxsSegment[];
}

const TOKEN_START = '\uE003';
const TOKEN_END = '\uE004';

/** The placeholder that stands for segment `index` in `SxsBody.lines`. */
export function segmentToken(index: number): string {
  return `${TOKEN_START}${index}${TOKEN_END}`;
}

/** Matches the tokens of `segmentToken`; group 1 is the segment index. */
export const SEGMENT_TOKEN = new RegExp(`${TOKEN_START}(\\d+)${TOKEN_END}`, 'g');

const TARGET_OPEN = /<span data-ttu-id="([^"]*)">/y;
const SOURCE_OPEN = /<span class="sxs-lookup"><span data-stu-id="([^"]*)">/y;
const ANY_SPAN_MARKUP = /<span\b[^>]*>|<\/span>/g;

/**
 * Splits an sxs body into text and sentence pairs
 * `<span data-ttu-id="x">target</span><span class="sxs-lookup"><span data-stu-id="x">source</span></span>`.
 * Throws an ImportError naming the line of any markup that does not follow that pattern.
 */
export function parseSxsBody(body: string, firstLine: number): SxsBody {
  if (/[\uE000-\uE004]/.test(body)) {
    throw new ImportError(
      lineAt(body, body.search(/[\uE000-\uE004]/), firstLine),
      'contains private-use characters U+E000–U+E004, which the importer reserves',
    );
  }
  const segments: SxsSegment[] = [];
  let skeleton = '';
  let position = 0;
  while (position < body.length) {
    const next = body.indexOf('<span', position);
    const stray = firstSpanMarkup(body, position, next === -1 ? body.length : next);
    if (stray !== -1) throw unexpectedMarkup(body, stray, firstLine);
    if (next === -1) {
      skeleton += body.slice(position);
      break;
    }
    skeleton += body.slice(position, next);
    TARGET_OPEN.lastIndex = next;
    const open = TARGET_OPEN.exec(body);
    if (!open) throw unexpectedMarkup(body, next, firstLine);
    const id = open[1] ?? '';
    const line = lineAt(body, next, firstLine);
    const targetStart = TARGET_OPEN.lastIndex;
    const targetEnd = closingSpan(body, targetStart);
    if (targetEnd === -1) {
      throw new ImportError(line, `unbalanced span: <span data-ttu-id="${id}"> is never closed`);
    }
    const afterTarget = targetEnd + '</span>'.length;
    SOURCE_OPEN.lastIndex = afterTarget;
    const sourceOpen = SOURCE_OPEN.exec(body);
    if (!sourceOpen) {
      throw new ImportError(
        line,
        `translated span ${id} has no English source span (<span class="sxs-lookup">) right after it`,
      );
    }
    const sourceId = sourceOpen[1] ?? '';
    if (sourceId !== id) {
      throw new ImportError(
        line,
        `source span ${sourceId} does not pair with translated span ${id}`,
      );
    }
    const sourceStart = SOURCE_OPEN.lastIndex;
    const sourceEnd = closingSpan(body, sourceStart);
    if (sourceEnd === -1 || !body.startsWith('</span></span>', sourceEnd)) {
      throw new ImportError(
        line,
        `unbalanced span: the English source span of ${id} is not closed by </span></span>`,
      );
    }
    const target = body.slice(targetStart, targetEnd);
    const source = body.slice(sourceStart, sourceEnd);
    skeleton += segmentToken(segments.length);
    segments.push({ id, target, source, line });
    // Keep the line count of the skeleton equal to the input's by noting the lines a segment spans.
    const spannedLines = countNewlines(body, next, sourceEnd);
    skeleton += '\uE005'.repeat(spannedLines);
    position = sourceEnd + '</span></span>'.length;
  }
  return toLines(skeleton, firstLine, segments);
}

function toLines(skeleton: string, firstLine: number, segments: SxsSegment[]): SxsBody {
  const lines: string[] = [];
  const lineNumbers: number[] = [];
  let line = firstLine;
  for (const raw of skeleton.split('\n')) {
    const extra = raw.split('\uE005').length - 1;
    lines.push(raw.replaceAll('\uE005', ''));
    lineNumbers.push(line);
    line += 1 + extra;
  }
  return { lines, lineNumbers, segments };
}

/** Index of the `</span>` that closes a span whose content starts at `from`, or -1. */
function closingSpan(text: string, from: number): number {
  let depth = 0;
  const tags = /<span\b[^>]*>|<\/span>/g;
  tags.lastIndex = from;
  for (let match = tags.exec(text); match; match = tags.exec(text)) {
    if (match[0] === '</span>') {
      if (depth === 0) return match.index;
      depth -= 1;
    } else {
      depth += 1;
    }
  }
  return -1;
}

function firstSpanMarkup(text: string, from: number, to: number): number {
  ANY_SPAN_MARKUP.lastIndex = from;
  const match = ANY_SPAN_MARKUP.exec(text);
  return match && match.index < to ? match.index : -1;
}

function unexpectedMarkup(body: string, index: number, firstLine: number): ImportError {
  const tag = /^<[^>]*>/.exec(body.slice(index))?.[0] ?? body.slice(index, index + 20);
  const what =
    tag.includes('sxs-lookup') || tag.includes('data-stu-id')
      ? `English source span ${tag} has no translated span before it`
      : tag === '</span>'
        ? 'unbalanced span: </span> without an opening <span>'
        : `unexpected span markup ${tag}`;
  return new ImportError(lineAt(body, index, firstLine), what);
}

function lineAt(text: string, index: number, firstLine: number): number {
  return firstLine + countNewlines(text, 0, index);
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1))
    count += 1;
  return count;
}
