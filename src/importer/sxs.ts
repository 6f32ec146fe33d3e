import { ImportError } from './import-error.ts';
import { NextIndex } from './next-index.ts';

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
const TARGET_OPEN = '<span data-ttu-id="';
const SOURCE_OPEN = '<span class="sxs-lookup"><span data-stu-id="';

/** The placeholder that stands for segment `index` in `SxsBody.lines`. */
export function segmentToken(index: number): string {
  return `${TOKEN_START}${index}${TOKEN_END}`;
}

/** Whether `text` holds a `segmentToken`, that is, text that comes from a span. */
export function hasSegmentToken(text: string): boolean {
  return text.includes(TOKEN_START);
}

/** Matches the tokens of `segmentToken` (U+E003 index U+E004); group 1 is the segment index. */
export const SEGMENT_TOKEN = /\uE003(\d{1,9})\uE004/g;

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
  const spans = new SpanMarkup(body);
  let skeleton = '';
  let position = 0;
  while (position < body.length) {
    const next = body.indexOf('<span', position);
    const stray = spans.first(position, next === -1 ? body.length : next);
    if (stray !== -1) throw unexpectedMarkup(body, stray, firstLine);
    if (next === -1) {
      skeleton += body.slice(position);
      break;
    }
    skeleton += body.slice(position, next);
    const open = openingSpan(body, next, TARGET_OPEN);
    if (!open) throw unexpectedMarkup(body, next, firstLine);
    const id = open.id;
    const line = lineAt(body, next, firstLine);
    const targetStart = open.end;
    const targetEnd = spans.closing(targetStart);
    if (targetEnd === -1) {
      throw new ImportError(line, `unbalanced span: <span data-ttu-id="${id}"> is never closed`);
    }
    const afterTarget = targetEnd + '</span>'.length;
    const sourceOpen = openingSpan(body, afterTarget, SOURCE_OPEN);
    if (!sourceOpen) {
      throw new ImportError(
        line,
        `translated span ${id} has no English source span (<span class="sxs-lookup">) right after it`,
      );
    }
    const sourceId = sourceOpen.id;
    if (sourceId !== id) {
      throw new ImportError(
        line,
        `source span ${sourceId} does not pair with translated span ${id}`,
      );
    }
    const sourceStart = sourceOpen.end;
    const sourceEnd = spans.closing(sourceStart);
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

/** `<span data-ttu-id="id">` (or the source's opening) at `at`: its id and where its text starts. */
function openingSpan(
  text: string,
  at: number,
  prefix: string,
): { id: string; end: number } | undefined {
  if (!text.startsWith(prefix, at)) return undefined;
  const quote = text.indexOf('"', at + prefix.length);
  if (quote === -1 || text[quote + 1] !== '>') return undefined;
  return { id: text.slice(at + prefix.length, quote), end: quote + 2 };
}

/**
 * Finds span tags: `<span` followed by a non-word character and then `>`, or `</span>`. The next
 * `>` and the next tag are remembered, so that however many spans a body has, and however many of
 * them never close, the body is read a bounded number of times.
 */
class SpanMarkup {
  readonly #text: string;
  readonly #next: NextIndex;

  constructor(text: string) {
    this.#text = text;
    this.#next = new NextIndex(text);
  }

  /** The next span tag at or after `from`: where it starts and ends, and whether it closes. */
  #tag(from: number): { start: number; end: number; closing: boolean } | undefined {
    let at = from;
    for (;;) {
      const open = this.#next.of('<span', at);
      const close = this.#next.of('</span>', at);
      if (close !== -1 && (open === -1 || close < open)) {
        return { start: close, end: close + '</span>'.length, closing: true };
      }
      if (open === -1) return undefined;
      const gt = isWordChar(this.#text[open + '<span'.length]) ? -1 : this.#next.of('>', open);
      if (gt !== -1) return { start: open, end: gt + 1, closing: false };
      at = open + 1;
    }
  }

  /** Index of the first span tag in `[from, to)`, or -1. */
  first(from: number, to: number): number {
    const tag = this.#tag(from);
    return tag && tag.start < to ? tag.start : -1;
  }

  /** Index of the `</span>` that closes a span whose content starts at `from`, or -1. */
  closing(from: number): number {
    let depth = 0;
    for (let tag = this.#tag(from); tag; tag = this.#tag(tag.end)) {
      if (tag.closing) {
        if (depth === 0) return tag.start;
        depth -= 1;
      } else {
        depth += 1;
      }
    }
    return -1;
  }
}

/** A character that `\b` counts as part of a word. */
function isWordChar(char: string | undefined): boolean {
  return (
    char !== undefined &&
    ((char >= 'a' && char <= 'z') ||
      (char >= 'A' && char <= 'Z') ||
      (char >= '0' && char <= '9') ||
      char === '_')
  );
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
