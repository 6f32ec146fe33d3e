import { readTag, writeTag, type Tag, type TagAttribute } from './html-tag.ts';
import { NextIndex } from './next-index.ts';
import { takeOutMarkers, type Marker } from './marks.ts';
import { checkUrl, isAsciiPunctuation, type UrlVerdict } from './safe-url.ts';

/*
 * The importer writes only what Markdown needs, so everything the Markdown of an article page
 * holds is checked here before it is written: raw HTML is reduced to the elements and attributes
 * Microsoft's articles use, and links and images go only to http(s), relative and `#` targets.
 *
 * This is a hand-written scanner rather than a library because what it reads is neither HTML nor
 * finished Markdown: Markdown with inline HTML fragments, cut into sentence spans whose text is
 * wrapped in segment markers, where a tag or link may start in one span and end in the next.
 * Markdown parsers and HTML sanitizers each see half of that. The scanner reads every character a
 * bounded number of times (see NextIndex and the per-line backtick runs), so its time is linear.
 *
 * Where its reading of the Markdown could differ from the renderer's, it takes the reading that is
 * safe under both: a `<` is left only when it starts a tag it rewrote itself or a comment that
 * every reader ends alike; a code span is left as written only when nothing in it is markup or
 * nothing can make it stop being a code span; a fenced code block only when its extent is the
 * same whatever the surrounding lists. What it changes can itself change how the rest reads, so
 * the result is read again until a reading changes nothing. A test renders random hostile
 * Markdown through the site's renderer and checks the HTML (fuzz.test.ts).
 */

/** Elements an article may contain, with the attributes each may carry. */
const ALLOWED_ELEMENTS: ReadonlyMap<string, Readonly<Record<string, AttributeRule>>> = new Map([
  ['a', { href: 'url', name: 'text', id: 'text', title: 'text' }],
  ['b', {}],
  ['br', {}],
  ['code', {}],
  ['col', { width: 'size' }],
  ['colgroup', {}],
  ['em', {}],
  ['hr', {}],
  ['i', {}],
  ['kbd', {}],
  ['li', {}],
  ['ol', {}],
  ['p', {}],
  ['pre', {}],
  ['strong', {}],
  ['sub', {}],
  ['sup', {}],
  ['table', {}],
  ['tbody', {}],
  ['td', { colspan: 'size', rowspan: 'size' }],
  ['th', { colspan: 'size', rowspan: 'size' }],
  ['thead', {}],
  ['tr', { class: 'row-class' }],
  ['ul', {}],
]);

/**
 * `url`: an allowed link target; `size`: a number or percentage (`50%`); `row-class`: the classes
 * that converted tables put on rows (`odd`, `even`, `header`); `text`: anything.
 */
type AttributeRule = 'url' | 'text' | 'size' | 'row-class';

/**
 * Names of HTML elements, so that an escaped `<iframe …>` is reported while an escaped
 * placeholder such as `<Subscription ID>` (which reads as an element `subscription`) is not.
 */
const HTML_ELEMENTS = new Set(
  (
    'a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big ' +
    'blink blockquote body br button canvas caption center cite code col colgroup data datalist dd ' +
    'del details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form ' +
    'frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe image img input ins ' +
    'isindex kbd keygen label legend li link listing main map mark marquee math menu menuitem ' +
    'meta meter multicol nav nextid nobr noembed noframes noscript object ol optgroup option ' +
    'output p param picture plaintext portal pre progress q rb rp rt rtc ruby s samp script ' +
    'search section select slot small source spacer span strike strong style sub summary sup svg ' +
    'table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr xmp'
  ).split(' '),
);

const ZERO_WIDTH_SPACE = '\u200B';
/** Longest link `(target "title")` removed as a whole; a longer unsafe one is only disarmed. */
const MAX_LINK_TAIL = 2000;
/** Readings of a text before every markup character is escaped instead (see sanitizeMarkdown). */
const MAX_PASSES = 4;
/** Changes described one by one; more are only counted (a file is either fine or hostile). */
const MAX_REPORTS = 50;
/** How much of a target is read to find its scheme. */
const MAX_SCHEME_PREFIX = 256;

/**
 * One thing the sanitizer removed or escaped. `offset` is in the text given to it; for what a
 * second reading found, in the text the first made, which keeps its lines.
 */
export interface MarkupChange {
  offset: number;
  message: string;
}

/** Markdown reduced to what may be published, and what was changed to get there. */
export interface SanitizedMarkdown {
  text: string;
  changes: MarkupChange[];
}

/**
 * Reduces the Markdown of a page body (with its segment markers) to what may be published:
 * disallowed HTML is escaped to visible text, disallowed attributes are dropped, links and images
 * to other than http(s), relative or `#` targets lose their target (a link keeps its text, an image
 * its alt text; a `mailto:` link becomes its text and the address). Code keeps its content.
 * Segment markers stay in the text, so no segment is lost. A text that has not settled after
 * `passes` readings has every markup character escaped.
 */
export function sanitizeMarkdown(text: string, passes = MAX_PASSES): SanitizedMarkdown {
  const changes: MarkupChange[] = [];
  let current = text;
  for (let pass = 0; pass < passes; pass += 1) {
    const result = sanitizeOnce(current);
    if (result.text === current) return { text: current, changes };
    // What was changed can change how the rest reads (a line that loses a backtick can become a
    // fence), so the result is read again, until a reading changes nothing.
    changes.push(...result.changes);
    current = result.text;
  }
  changes.push({
    offset: 0,
    message: 'escaped every <, [, ] and ` of the page: its markup could not be made safe otherwise',
  });
  return { text: current.replace(/[<[\]`]/g, (char) => `&#${char.charCodeAt(0)};`), changes };
}

/** One reading of `text`: what it becomes, and what was changed. */
function sanitizeOnce(text: string): SanitizedMarkdown {
  const { plain, markers } = takeOutMarkers(text);
  const scanner = new MarkdownScanner(plain);
  scanner.run();
  if (scanner.edits.length === 0 && scanner.escapes.length === 0) return { text, changes: [] };
  const changes = toOriginalOffsets(scanner.changes, markers);
  const last = changes.at(-1);
  if (last && scanner.unreported > 0) {
    changes.push({
      offset: last.offset,
      message: `and ${scanner.unreported} more changes after this one`,
    });
  }
  return { text: applyEdits(plain, scanner.edits, scanner.escapes, markers), changes };
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** An opener as one number: position × 4, plus 2 when it starts its line, plus 1 for `![`. */
function packOpener(at: number, image: boolean, lineStart: boolean): number {
  return at * 4 + (lineStart ? 2 : 0) + (image ? 1 : 0);
}

function unpackOpener(packed: number): Opener {
  return { at: Math.floor(packed / 4), image: packed % 2 === 1, lineStart: packed % 4 >= 2 };
}

interface Opener {
  at: number;
  image: boolean;
  /** The opener is the first thing on its line (after list markers and `>`). */
  lineStart: boolean;
}

/** A fence line: ``` or ~~~, how many, and at which column. */
interface Fence {
  char: string;
  length: number;
  column: number;
}

interface ListItem {
  /** Column where the item's content starts. */
  content: number;
  /** `-`, `+`, `*`, `.` or `)`. */
  kind: string;
}

class MarkdownScanner {
  readonly edits: Edit[] = [];
  /** Positions of `<` written as `&lt;`, in increasing order (kept apart: there can be many). */
  readonly escapes: number[] = [];
  readonly changes: Array<{ at: number; message: string }> = [];
  /** Changes past the first MAX_REPORTS, counted but not described. */
  unreported = 0;
  readonly #src: string;
  readonly #next: NextIndex;
  /** Edits by the position they end at, to see what the output holds just before a position. */
  readonly #editEndingAt = new Map<number, Edit>();
  /**
   * Set once a fence was met that the renderer might read otherwise (in a block quote, an HTML
   * block, a list the scanner is unsure of, or with lines that could end it early): from then on
   * no code block is trusted, because which lines are code is no longer certain.
   */
  #fencesUncertain = false;
  /** False after a line that may have been a lazy continuation of a list item's paragraph. */
  #listsCertain = true;
  #lists: ListItem[] = [];
  /** An HTML block that ends at a blank line (CommonMark types 6 and 7). */
  #htmlBlock = false;
  /** A `<pre>` HTML block, which ends at the line holding `</pre>`. */
  #htmlPre = false;
  /** The end of the last comment met: lines before it are in HTML. */
  #htmlUntil = -1;
  #previousBlank = true;
  /**
   * Something earlier in the paragraph that the renderer could read differently, so that later
   * code spans are not trusted: a link target or definition (`[a](`b)` is a link, not code), or a
   * backtick run left without a partner on its line (the renderer may pair it with one further on).
   */
  #ambiguous = false;
  /** 1 where a link target was read and found safe, up to where its scheme was looked for. */
  readonly #checkedTargets: Uint8Array;
  /** Open brackets, as numbers (see `packOpener`): a text can hold a great many. */
  #openers: number[] = [];
  /** Backtick runs of the current line, by length: positions, and how many were passed. */
  #runs: Map<number, { at: number[]; next: number }> | undefined;

  constructor(src: string) {
    this.#src = src;
    this.#next = new NextIndex(src);
    this.#checkedTargets = new Uint8Array(src.length + 1);
  }

  run(): void {
    let position = 0;
    while (position <= this.#src.length) {
      const end = this.#lineEnd(position);
      position = this.#line(position, end);
    }
  }

  #lineEnd(start: number): number {
    const newline = this.#next.of('\n', start);
    return newline === -1 ? this.#src.length : newline;
  }

  /** Handles the line `[start, end)`; returns where the next line to read starts. */
  #line(start: number, end: number): number {
    const src = this.#src;
    if (isBlank(src, start, end)) {
      this.#htmlBlock = false;
      this.#ambiguous = false;
      this.#openers = [];
      this.#previousBlank = true;
      return end + 1;
    }
    const indent = indentOf(src, start, end);
    const inHtml = this.#htmlBlock || this.#htmlPre || start < this.#htmlUntil;
    // A fence opens a block only where a block can start: after the indentation, or after the
    // marker of a list item that this line starts.
    const contentStart = this.#updateLists(start, end, indent, inHtml) ?? start + indent.chars;
    const opener = fenceOpener(src, contentStart, columnsBetween(src, start, contentStart), end);
    if (opener) {
      const blockEnd = this.#trustedFenceEnd(opener, end, inHtml);
      this.#previousBlank = false;
      if (blockEnd !== undefined) {
        // The code block ends the paragraph: nothing before it pairs with anything after.
        this.#openers = [];
        this.#ambiguous = false;
        return blockEnd + 1;
      }
      this.#fencesUncertain = true;
    }
    const next = this.#inline(start, end, inHtml);
    this.#previousBlank = false;
    return next;
  }

  /**
   * Where the code block that `opener` starts ends, when that is certain: the fence is a fence
   * however the lists around it are read (at most three columns into the list item, outside block
   * quotes and HTML blocks), no line before the closing fence is indented less than the opening
   * one (which could end a list item, and the block with it), and the first line that looks like a
   * closing fence is one, at the same column. Undefined when not certain: its lines are then read
   * as text.
   */
  #trustedFenceEnd(opener: Fence, end: number, inHtml: boolean): number | undefined {
    const src = this.#src;
    if (this.#fencesUncertain || inHtml) return undefined;
    const base = this.#lists.at(-1)?.content ?? 0;
    if (opener.column < base || opener.column - base > 3) return undefined;
    if (opener.column > 3 && !this.#listsCertain) return undefined;
    let lineEnd = end;
    while (lineEnd < src.length) {
      const lineStart = lineEnd + 1;
      lineEnd = this.#lineEnd(lineStart);
      if (isBlank(src, lineStart, lineEnd)) continue;
      const indent = indentOf(src, lineStart, lineEnd);
      if (indent.columns < opener.column) return undefined;
      if (isFenceClose(src, lineStart + indent.chars, lineEnd, opener)) {
        return indent.columns === opener.column ? lineEnd : undefined;
      }
    }
    // Never closed: code to the end, which every line reaches indented as far as the fence.
    return src.length;
  }

  /**
   * Keeps the stack of open list items, so that a fence indented inside an item is known as one.
   * A line that closes items without a blank line before it may be a lazy continuation of the
   * item's paragraph, which keeps the item open: after one, the stack is no longer certain.
   * Returns where the content of the list item that the line starts begins, if it starts one.
   */
  #updateLists(
    start: number,
    end: number,
    indent: { columns: number; chars: number },
    inHtml: boolean,
  ): number | undefined {
    const popped: string[] = [];
    while (this.#lists.length > 0 && indent.columns < (this.#lists.at(-1)?.content ?? 0)) {
      popped.push(this.#lists.pop()?.kind ?? '');
    }
    if (this.#previousBlank && indent.columns === 0) this.#listsCertain = true;
    const item = inHtml ? undefined : this.#listItem(start, end, indent, popped);
    if (item) {
      this.#lists.push(item);
      return item.contentStart;
    }
    if (popped.length > 0 && !this.#previousBlank && !inHtml) this.#listsCertain = false;
    return undefined;
  }

  /** The list item that the line starts, if it starts one, and where its content starts. */
  #listItem(
    start: number,
    end: number,
    indent: { columns: number; chars: number },
    popped: readonly string[],
  ): (ListItem & { contentStart: number }) | undefined {
    const base = this.#lists.at(-1)?.content ?? 0;
    if (indent.columns - base > 3) return undefined;
    const marker = listMarker(this.#src, start + indent.chars, end);
    if (!marker || isThematicBreak(this.#src, start, end)) return undefined;
    // A list can interrupt a paragraph only with a bullet or `1.`; a sibling item always can.
    const canStart =
      this.#previousBlank ||
      marker.kind === '-' ||
      marker.kind === '+' ||
      marker.kind === '*' ||
      marker.number === 1 ||
      popped.includes(marker.kind);
    if (!canStart) return undefined;
    const spaces = marker.spaces > 4 ? 1 : marker.spaces;
    return {
      content: indent.columns + marker.width + spaces,
      kind: marker.kind,
      contentStart: start + indent.chars + marker.width + marker.spaces,
    };
  }

  /** Scans the inline content of the line `[start, end)`; returns where the next line starts. */
  #inline(start: number, lineEnd: number, inHtmlAtStart: boolean): number {
    const src = this.#src;
    let end = lineEnd;
    let inHtml = inHtmlAtStart;
    const first = skipContainerPrefix(src, start, end);
    let closesPre = false;
    this.#runs = undefined;
    let index = first;
    while (index < end) {
      const char = src[index];
      if (char === '\\') {
        const escaped = src[index + 1];
        if (escaped === '<' && startsMarkup(src, index + 1)) {
          // `\<b>` shows `<b>` in Markdown but is a tag in an HTML block: `&lt;` shows it in both.
          this.#edit(index, index + 2, '&lt;');
          index += 2;
        } else {
          index += escaped !== undefined && escaped !== '\n' && isAsciiPunctuation(escaped) ? 2 : 1;
        }
      } else if (char === '`') {
        const atFirst = index === first;
        index = this.#backticks(index, end, inHtml, atFirst);
        // Code written as `<code>` at the start of a line may start an HTML block.
        if (atFirst && this.#htmlBlock) inHtml = true;
      } else if (char === '<') {
        const result = this.#angle(index, end, index === first, inHtml);
        if (result.html) {
          this.#htmlBlock = true;
          inHtml = true;
        }
        if (result.pre === 'open') this.#htmlPre = true;
        if (result.pre === 'close') closesPre = true;
        if (result.comment) inHtml = true;
        index = result.next;
      } else if (char === '[' || (char === '!' && src[index + 1] === '[')) {
        this.#openers.push(packOpener(index, char === '!', index === first));
        index += char === '!' ? 2 : 1;
      } else if (char === ']') {
        index = this.#closeBracket(index);
      } else {
        index += 1;
      }
    }
    if (closesPre) this.#htmlPre = false;
    return end + 1;
  }

  /** A backtick run at `start`: a code span, or literal backticks. Returns where to go on. */
  #backticks(start: number, end: number, inHtml: boolean, lineStart: boolean): number {
    const src = this.#src;
    let runEnd = start;
    while (runEnd < end && src[runEnd] === '`') runEnd += 1;
    // In an HTML block backticks are text, and what they enclose is HTML to be checked.
    if (inHtml) return runEnd;
    const close = this.#closingRun(runEnd, end, runEnd - start);
    if (close === -1) {
      this.#ambiguous = true;
      return runEnd;
    }
    const content = src.slice(runEnd, close);
    const after = close + (runEnd - start);
    const active = content.includes('<') || hasLinkSyntax(content);
    const trusted = !this.#ambiguous && !content.includes('|') && !hasLinkSyntax(content);
    if (active && !trusted) {
      // The renderer might not read this as a code span (a table cell boundary, a link target
      // before it); as HTML it is code whatever the renderer reads.
      this.#edit(start, after, `<code>${codeAsHtml(content)}</code>`);
      if (lineStart) this.#htmlBlock = true;
    }
    return after;
  }

  /** Start of the next backtick run on this line of exactly `length`, at or after `from`. */
  #closingRun(from: number, end: number, length: number): number {
    if (!this.#runs) {
      this.#runs = new Map();
      const src = this.#src;
      let index = from;
      while (index < end) {
        if (src[index] !== '`') {
          index += 1;
          continue;
        }
        let runEnd = index;
        while (runEnd < end && src[runEnd] === '`') runEnd += 1;
        const runs = this.#runs.get(runEnd - index) ?? { at: [], next: 0 };
        runs.at.push(index);
        this.#runs.set(runEnd - index, runs);
        index = runEnd;
      }
    }
    const runs = this.#runs.get(length);
    if (!runs) return -1;
    while (runs.next < runs.at.length && (runs.at[runs.next] ?? 0) < from) runs.next += 1;
    return runs.at[runs.next] ?? -1;
  }

  /** A `<`: a comment, autolink or tag, kept in a safe form, or escaped. */
  #angle(
    start: number,
    end: number,
    lineStart: boolean,
    inHtml: boolean,
  ): { next: number; html?: boolean; pre?: 'open' | 'close'; comment?: boolean } {
    const src = this.#src;
    if (src.startsWith('<!--', start)) return this.#comment(start, end, lineStart, inHtml);
    // In an HTML block an autolink is a tag to the browser: `<https://x/onclick=y>` has a handler.
    const autolink = inHtml ? undefined : readAutolink(src, start, end);
    if (autolink) return { next: this.#autolink(start, autolink) };
    const tag = readTag(src, start, end, this.#next);
    if (!tag) {
      if (startsMarkup(src, start)) this.#escapeMarkup(start, end);
      return { next: start + 1 };
    }
    const rules = ALLOWED_ELEMENTS.get(tag.name);
    if (!rules) {
      this.#escape(start, tag);
      return { next: start + 1 };
    }
    this.#keepTag(start, tag, rules);
    const pre = tag.name === 'pre' ? (tag.closing ? 'close' : 'open') : undefined;
    return pre ? { next: tag.end, html: lineStart, pre } : { next: tag.end, html: lineStart };
  }

  /** Writes an allowed tag with only its allowed attributes, in the form `writeTag` makes. */
  #keepTag(start: number, tag: Tag, rules: Readonly<Record<string, AttributeRule>>): void {
    const kept: TagAttribute[] = [];
    const dropped: string[] = [];
    for (const attribute of tag.attributes) {
      const rule = Object.hasOwn(rules, attribute.name) ? rules[attribute.name] : undefined;
      if (rule !== undefined && attributeAllowed(rule, attribute.value ?? '')) kept.push(attribute);
      else dropped.push(describeAttribute(attribute));
    }
    if (tag.duplicates > 0) dropped.push(`${tag.duplicates} repeated attribute(s)`);
    const original = this.#src.slice(start, tag.end);
    const written = writeTag({ ...tag, attributes: kept });
    if (written === original) return;
    this.#edit(start, tag.end, written);
    if (dropped.length > 0) {
      this.#report(start, () => `dropped ${dropped.join(', ')} from <${tag.name}>`);
    }
  }

  #escape(start: number, tag: Tag): void {
    this.#escapeAt(start);
    const looksLikeHtml =
      HTML_ELEMENTS.has(tag.name) ||
      tag.name.includes('-') ||
      tag.attributes.some((attribute) => attribute.value !== undefined);
    if (looksLikeHtml) {
      this.#report(
        start,
        () =>
          `escaped ${snippet(this.#src.slice(start, tag.end))} as text: <${tag.name}> is not an allowed element`,
      );
    }
  }

  /** A `<` that starts something tag-like which is not a whole tag (`<img` with no `>` here). */
  #escapeMarkup(start: number, end: number): void {
    const src = this.#src;
    this.#escapeAt(start);
    const nameStart = src[start + 1] === '/' ? start + 2 : start + 1;
    let nameEnd = nameStart;
    while (nameEnd < end && (isLetter(src[nameEnd]) || isDigit(src[nameEnd]))) nameEnd += 1;
    const name = src.slice(nameStart, nameEnd).toLowerCase();
    const markup = src[start + 1] === '!' || src[start + 1] === '?';
    if (markup || HTML_ELEMENTS.has(name)) {
      this.#report(
        start,
        () => `escaped ${snippetAt(src, start, end)} as text: not an allowed tag`,
      );
    }
  }

  /**
   * An HTML comment keeps its `<!--` when browsers and every CommonMark version end it at the same
   * `-->`: no `--` inside, and no `|`, which would split a table cell. One that spans lines must
   * also be a block of its own at the top level (first on its line, outside lists, block quotes
   * and other HTML): anywhere else the renderer may end its block before the `-->`, and the
   * browser would go on reading the comment into the renderer's HTML, up to a `-->` that could sit
   * in an attribute. Its text is checked like any other (what the checks change there is never
   * seen), since whether the renderer takes it for a comment can depend on a reading of code spans
   * that the scanner cannot be sure of.
   */
  #comment(
    start: number,
    end: number,
    lineStart: boolean,
    inHtml: boolean,
  ): { next: number; comment?: boolean } {
    const src = this.#src;
    const close = this.#next.of('-->', start + 4);
    const dashes = this.#next.of('--', start + 4);
    const bar = this.#next.of('|', start + 4);
    const wellFormed =
      close !== -1 &&
      dashes === close &&
      (bar === -1 || bar > close) &&
      src[start + 4] !== '>' &&
      !src.startsWith('->', start + 4);
    const ownBlock =
      lineStart &&
      !inHtml &&
      this.#lists.length === 0 &&
      this.#listsCertain &&
      isBlank(src, src.lastIndexOf('\n', start - 1) + 1, start) &&
      start - src.lastIndexOf('\n', start - 1) - 1 <= 3;
    if (wellFormed && (close + 3 <= end || ownBlock)) {
      // Up to its end the comment is HTML to the renderer: no code spans or blocks in it.
      this.#htmlUntil = Math.max(this.#htmlUntil, close + 3);
      return { next: start + 4, comment: true };
    }
    this.#escapeAt(start);
    this.#report(
      start,
      () => `escaped ${snippetAt(src, start, end)} as text: not a comment every reader ends alike`,
    );
    return { next: start + 1 };
  }

  #autolink(start: number, autolink: Autolink): number {
    if (autolink.email) return autolink.end;
    const verdict = checkUrl(autolink.target, 'html');
    if (verdict.kind === 'allowed') return autolink.end;
    const text = inertText(verdict.kind === 'mailto' ? verdict.address : autolink.target);
    // Without its `<` the text joins what is before it: `[a](x<javascript:y>)` must not make
    // `xjavascript:` a scheme.
    const guard = joins(this.#outputCharBefore(start), text[0]) ? ZERO_WIDTH_SPACE : '';
    this.#edit(start, autolink.end, `${guard}${text}`);
    if (verdict.kind === 'blocked') {
      this.#report(start, () => `turned the autolink ${snippet(autolink.target)} into text`);
    }
    return autolink.end;
  }

  /** A `]`: checks the target of a link, image or definition that it may end. */
  #closeBracket(at: number): number {
    const src = this.#src;
    const packed = this.#openers.pop();
    const opener = packed === undefined ? undefined : unpackOpener(packed);
    const after = src[at + 1];
    if (after !== '(' && after !== ':') return at + 1;
    this.#ambiguous = true;
    const definition = after === ':';
    if (definition && !opener?.lineStart) return at + 1;
    const targetStart = skipTargetSpace(src, at + 2);
    if (!definition && src[targetStart] === ')') return at + 1;
    if (definition && (targetStart >= src.length || src[targetStart] === '\n')) return at + 1;
    const { verdict, end: checkedEnd } = targetVerdict(src, targetStart);
    if (verdict.kind === 'allowed') {
      this.#checkedTargets.fill(1, targetStart, checkedEnd + 1);
      return at + 1;
    }
    if (!definition && opener) {
      const tail = readLinkTail(src, at + 1);
      if (tail) return this.#dropLink(opener, at, tail);
    }
    const definitionEnd = opener && definition ? readDefinitionEnd(src, at + 2) : -1;
    if (opener && definitionEnd !== -1) {
      // A definition shows nothing: without it the page reads as before, minus the target.
      this.#edit(opener.at, definitionEnd, '');
      this.#report(
        opener.at,
        () =>
          `removed the link reference definition ${snippet(src.slice(opener.at, definitionEnd))}`,
      );
      return definitionEnd;
    }
    this.#edit(at, at + 1, '&#93;');
    this.#report(at, () =>
      definition
        ? `disarmed the link reference definition to ${snippet(targetSnippet(src, targetStart))}`
        : `disarmed a link to ${snippet(targetSnippet(src, targetStart))}`,
    );
    return at + 1;
  }

  /** `[text](bad)` → `text`, `![alt](bad)` → `alt`, `[text](mailto:a@b)` → `text (a@b)`. */
  #dropLink(opener: Opener, close: number, tail: LinkTail): number {
    const src = this.#src;
    const text = src.slice(opener.at + (opener.image ? 2 : 1), close);
    const verdict = checkUrl(tail.target, 'markdown');
    const mailto = verdict.kind === 'mailto' && !opener.image ? verdict.address : undefined;
    const sameAsText = mailto !== undefined && plainText(text) === mailto.toLowerCase();
    const replacement = mailto === undefined || sameAsText ? '' : ` (${inertText(mailto)})`;
    const textStart = opener.at + (opener.image ? 2 : 1);
    // Without the bracket the text (or, with none, what follows the link) would start the line:
    // `[</p>…](x)` must not become a block. A line left empty is only a blank line.
    const lineStarter = textStart < close ? src[textStart] : src[tail.end];
    const startsBlock =
      opener.lineStart &&
      lineStarter !== undefined &&
      lineStarter !== '\n' &&
      !isLetter(lineStarter) &&
      lineStarter < '\x80';
    if (startsBlock) this.#edit(opener.at, textStart, ZERO_WIDTH_SPACE);
    else this.#guardedEdit(opener.at, textStart, '');
    this.#guardedEdit(close, tail.end, replacement);
    if (mailto === undefined) {
      const what = opener.image ? 'an image' : 'a link';
      const kept = opener.image ? 'its alt text' : 'its text';
      this.#report(opener.at, () => `removed ${what} to ${snippet(tail.target)}, kept ${kept}`);
    }
    return tail.end;
  }

  /** An edit that removes text, with a zero-width space in its place where `joins` says so. */
  #guardedEdit(start: number, end: number, text: string): void {
    const before = this.#outputCharBefore(start);
    const first = text === '' ? this.#src[end] : text[0];
    const last = text === '' ? before : text.at(-1);
    const after = this.#src[end];
    // Inside a target already found safe, removing text could give it another scheme.
    const inCheckedTarget = this.#checkedTargets[start] === 1;
    const guard = inCheckedTarget || joins(before, first) || (text !== '' && joins(last, after));
    this.#edit(start, end, guard && text === '' ? ZERO_WIDTH_SPACE : text);
  }

  #outputCharBefore(position: number): string | undefined {
    let at = position;
    for (;;) {
      const edit = this.#editEndingAt.get(at);
      if (!edit)
        return this.escapes.at(lastAtOrBefore(this.escapes, at - 1)) === at - 1
          ? ';'
          : this.#src[at - 1];
      if (edit.text !== '') return edit.text.at(-1);
      at = edit.start;
    }
  }

  #escapeAt(at: number): void {
    this.escapes.push(at);
  }

  #edit(start: number, end: number, text: string): void {
    const edit = { start, end, text };
    this.edits.push(edit);
    if (end > start) this.#editEndingAt.set(end, edit);
  }

  /** Records a change; past MAX_REPORTS only counts it, so a flood of markup stays cheap. */
  #report(at: number, message: () => string): void {
    if (this.changes.length < MAX_REPORTS) this.changes.push({ at, message: message() });
    else this.unreported += 1;
  }
}

function attributeAllowed(rule: AttributeRule, value: string): boolean {
  switch (rule) {
    case 'text':
      return true;
    case 'url':
      return checkUrl(value, 'html').kind === 'allowed';
    case 'size':
      return isSize(value);
    case 'row-class':
      return value === 'odd' || value === 'even' || value === 'header';
  }
}

function isSize(value: string): boolean {
  const digits = value.endsWith('%') ? value.slice(0, -1) : value;
  if (digits === '' || digits.length > 4) return false;
  for (const char of digits) if (char < '0' || char > '9') return false;
  return true;
}

function describeAttribute(attribute: TagAttribute): string {
  return attribute.value === undefined
    ? attribute.name
    : `${attribute.name}="${snippet(attribute.value)}"`;
}

/**
 * Whether text removed between `left` and `right` needs a zero-width space in its place, because
 * joining them could make syntax that neither side had or change a target already checked:
 * letters into a scheme or reference name (`[x](java[](y)script:…)` → `javascript:`), `&` and `#`
 * into a reference, `<` and a letter into a tag, `](`, `![`, two backtick runs into one, or a
 * backslash escaping what follows.
 */
function joins(left: string | undefined, right: string | undefined): boolean {
  if (left === undefined || right === undefined) return false;
  const alphanumeric = isLetter(right) || isDigit(right);
  if (isLetter(left) || isDigit(left)) return alphanumeric;
  switch (left) {
    case '&':
      return alphanumeric || right === '#';
    case '#':
      return alphanumeric;
    case '<':
      return isLetter(right) || right === '/' || right === '!' || right === '?';
    case ']':
      return right === '(' || right === '[' || right === ':';
    case '!':
      return right === '[';
    case '`':
      return right === '`';
    case '\\':
      return true;
    default:
      return false;
  }
}

interface Autolink {
  target: string;
  email: boolean;
  end: number;
}

/** A CommonMark autolink `<scheme:…>` or `<address@host>` at `start`, before `end`. */
function readAutolink(src: string, start: number, end: number): Autolink | undefined {
  let index = start + 1;
  while (index < end && isSchemeChar(src[index])) index += 1;
  const schemeLength = index - start - 1;
  if (src[index] === ':' && schemeLength >= 2 && schemeLength <= 32 && isLetter(src[start + 1])) {
    let close = index + 1;
    while (close < end && isUriChar(src[close])) close += 1;
    if (src[close] === '>')
      return { target: src.slice(start + 1, close), email: false, end: close + 1 };
    return undefined;
  }
  index = start + 1;
  while (index < end && isEmailLocalChar(src[index])) index += 1;
  if (index === start + 1 || src[index] !== '@') return undefined;
  let close = index + 1;
  let label = 0;
  while (close < end && src[close] !== '>') {
    const char = src[close];
    if (char === '.' && label > 0 && src[close - 1] !== '-') label = 0;
    else if (isLetter(char) || isDigit(char) || (char === '-' && label > 0)) label += 1;
    else return undefined;
    if (label > 63) return undefined;
    close += 1;
  }
  if (src[close] !== '>' || label === 0 || src[close - 1] === '-') return undefined;
  return { target: src.slice(start + 1, close), email: true, end: close + 1 };
}

interface LinkTail {
  target: string;
  end: number;
}

/**
 * The `(target "title")` of an inline link at `open` (the `(`), read as CommonMark does but
 * more willingly (any number of nested parentheses), so that every link the renderer sees is
 * found. Only tails of unsafe links are read, at most MAX_LINK_TAIL characters of each.
 */
function readLinkTail(src: string, open: number): LinkTail | undefined {
  const limit = Math.min(src.length, open + MAX_LINK_TAIL);
  let index = skipTargetSpace(src, open + 1);
  let target: string;
  if (src[index] === '<') {
    const start = index + 1;
    index = start;
    while (index < limit && src[index] !== '>' && src[index] !== '\n' && src[index] !== '<') {
      index += src[index] === '\\' ? 2 : 1;
    }
    if (src[index] !== '>') return undefined;
    target = src.slice(start, index);
    index += 1;
  } else {
    const start = index;
    let depth = 0;
    while (index < limit) {
      const char = src[index] ?? '';
      if (char === '\\' && isAsciiPunctuation(src[index + 1] ?? '')) {
        index += 2;
        continue;
      }
      if (char <= ' ' || char === '\x7f') break;
      if (char === '(') depth += 1;
      if (char === ')') {
        if (depth === 0) break;
        depth -= 1;
      }
      index += 1;
    }
    target = src.slice(start, index);
  }
  const beforeTitle = index;
  index = skipTargetSpace(src, index);
  const quote = src[index];
  if (index > beforeTitle && (quote === '"' || quote === "'" || quote === '(')) {
    const closer = quote === '(' ? ')' : quote;
    index += 1;
    while (index < limit && src[index] !== closer) {
      if (quote === '(' && src[index] === '(') return undefined;
      index += src[index] === '\\' ? 2 : 1;
    }
    if (src[index] !== closer) return undefined;
    index = skipTargetSpace(src, index + 1);
  }
  return src[index] === ')' && index < limit ? { target, end: index + 1 } : undefined;
}

/**
 * The end of the line of a definition whose `]:` ends just before `from` — `target "title"` and
 * nothing else after it on the line — or -1 when the rest of the line is not just that.
 */
function readDefinitionEnd(src: string, from: number): number {
  const tail = readLinkTail(`(${src.slice(from, from + MAX_LINK_TAIL)})`, 0);
  if (!tail) return -1;
  const end = from + tail.end - 2;
  let index = end;
  while (src[index] === ' ' || src[index] === '\t') index += 1;
  return index >= src.length || src[index] === '\n' ? index : -1;
}

/** Skips spaces and tabs, and line endings with the `>` of a block quote after them. */
function skipTargetSpace(src: string, from: number): number {
  let index = from;
  for (;;) {
    const char = src[index];
    if (char === ' ' || char === '\t') index += 1;
    else if (char === '\n') {
      index += 1;
      while (src[index] === ' ' || src[index] === '\t' || src[index] === '>') index += 1;
    } else return index;
  }
}

/** The verdict on the target that starts at `start`, from at most MAX_SCHEME_PREFIX characters. */
/**
 * The verdict on the target that starts at `start`, from at most MAX_SCHEME_PREFIX characters,
 * and where the part read ends.
 */
function targetVerdict(src: string, start: number): { verdict: UrlVerdict; end: number } {
  const angle = src[start] === '<';
  const from = angle ? start + 1 : start;
  let index = from;
  const limit = Math.min(src.length, from + MAX_SCHEME_PREFIX);
  while (index < limit && !isTargetEnd(src[index] ?? '', angle)) index += 1;
  const prefix = src.slice(from, index);
  const verdict = checkUrl(prefix, 'markdown');
  // A target too long to see where its scheme ends is not given the benefit of the doubt.
  if (
    verdict.kind === 'allowed' &&
    index === limit &&
    limit < src.length &&
    !hasSchemeEnd(prefix)
  ) {
    return { verdict: { kind: 'blocked', scheme: 'unknown' }, end: index };
  }
  return { verdict, end: index };
}

function targetSnippet(src: string, start: number): string {
  let index = start;
  while (index < src.length && index < start + 80 && src[index] !== '\n' && src[index] !== ' ') {
    index += 1;
  }
  return src.slice(start, index);
}

/** Where a target ends: `<…>` at `>` (spaces and tabs are part of it), a bare one at a space. */
function isTargetEnd(char: string, angle: boolean): boolean {
  if (angle) return char === '>' || char === '<' || char === '\n';
  return char <= ' ' || char === '\x7f' || char === ')' || char === '(';
}

/** Whether a text holds a character that ends a URL scheme (anything but letters, digits, `+-.&#;`). */
function hasSchemeEnd(text: string): boolean {
  for (const char of text)
    if (!isSchemeChar(char) && char !== '&' && char !== '#' && char !== ';') return true;
  return false;
}

/** A code span's content as the HTML the renderer would make of it, with no Markdown syntax left. */
function codeAsHtml(content: string): string {
  const stripped =
    content.length > 1 && content.startsWith(' ') && content.endsWith(' ') && content.trim() !== ''
      ? content.slice(1, -1)
      : content;
  let result = '';
  for (const char of stripped) {
    result += isAsciiPunctuation(char) ? `&#${char.charCodeAt(0)};` : char;
  }
  return result;
}

/** Text that Markdown and HTML both show as written: punctuation that could be syntax is escaped. */
function inertText(text: string): string {
  let result = '';
  for (const char of text) {
    result +=
      isAsciiPunctuation(char) && !'.@-+,/'.includes(char) ? `&#${char.charCodeAt(0)};` : char;
  }
  return result;
}

/** The words of a link text, to compare with an address: formatting and case dropped. */
function plainText(text: string): string {
  let result = '';
  for (const char of text)
    if (char !== '*' && char !== '_' && char !== '`' && char !== '\\') result += char;
  return result.trim().toLowerCase();
}

function hasLinkSyntax(text: string): boolean {
  return text.includes('](') || text.includes(']:');
}

/** `<` followed by what would make it a tag, closing tag, comment, declaration or instruction. */
function startsMarkup(src: string, at: number): boolean {
  const next = src[at + 1] ?? '';
  return isLetter(next) || next === '/' || next === '!' || next === '?';
}

/** The start of `src` from `start`, up to `end`, short enough for a message. */
function snippetAt(src: string, start: number, end: number): string {
  return snippet(src.slice(start, Math.min(end, start + 81)));
}

function snippet(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 77)}…` : line;
}

function isBlank(src: string, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) {
    const char = src[index];
    if (char !== ' ' && char !== '\t') return false;
  }
  return true;
}

/** Leading indentation in columns (a tab goes to the next multiple of 4) and in characters. */
function indentOf(src: string, start: number, end: number): { columns: number; chars: number } {
  let columns = 0;
  let index = start;
  while (index < end) {
    if (src[index] === ' ') columns += 1;
    else if (src[index] === '\t') columns += 4 - (columns % 4);
    else break;
    index += 1;
  }
  return { columns, chars: index - start };
}

/** Skips indentation, block quote markers and list markers at the start of a line. */
function skipContainerPrefix(src: string, start: number, end: number): number {
  let index = start;
  for (;;) {
    while (index < end && (src[index] === ' ' || src[index] === '\t')) index += 1;
    if (src[index] === '>' && index < end) {
      index += 1;
      continue;
    }
    const marker = listMarker(src, index, end);
    if (!marker) return index;
    index += marker.width;
  }
}

interface ListMarker {
  kind: string;
  number?: number;
  width: number;
  /** Spaces between the marker and the content. */
  spaces: number;
}

/** A list marker (`-`, `*`, `+`, `1.`, `1)`) at `at` followed by spaces and content. */
function listMarker(src: string, at: number, end: number): ListMarker | undefined {
  let index = at;
  let kind = src[index] ?? '';
  let number: number | undefined;
  if (kind === '-' || kind === '*' || kind === '+') {
    index += 1;
  } else {
    while (index < end && index - at < 9 && isDigit(src[index])) index += 1;
    if (index === at || (src[index] !== '.' && src[index] !== ')')) return undefined;
    number = Number(src.slice(at, index));
    kind = src[index] ?? '';
    index += 1;
  }
  const width = index - at;
  let spaces = 0;
  while (index < end && (src[index] === ' ' || src[index] === '\t')) {
    spaces += 1;
    index += 1;
  }
  if (spaces === 0 || index >= end) return undefined;
  return number === undefined ? { kind, width, spaces } : { kind, number, width, spaces };
}

function isThematicBreak(src: string, start: number, end: number): boolean {
  let char: string | undefined;
  let count = 0;
  for (let index = start; index < end; index += 1) {
    const current = src[index] ?? '';
    if (current === ' ' || current === '\t') continue;
    if (current !== '-' && current !== '*' && current !== '_') return false;
    if (char !== undefined && current !== char) return false;
    char = current;
    count += 1;
  }
  return count >= 3;
}

/** Width in columns of the text from `from` to `to` (tabs to the next multiple of 4). */
function columnsBetween(src: string, from: number, to: number): number {
  let columns = 0;
  for (let index = from; index < to; index += 1) {
    columns += src[index] === '\t' ? 4 - (columns % 4) : 1;
  }
  return columns;
}

/** A fence opener at `at` (column `column`): three or more backticks (no backtick after them) or tildes. */
function fenceOpener(src: string, at: number, column: number, end: number): Fence | undefined {
  const char = src[at];
  if (char !== '`' && char !== '~') return undefined;
  let index = at;
  while (index < end && src[index] === char) index += 1;
  if (index - at < 3) return undefined;
  if (char === '`' && src.slice(index, end).includes('`')) return undefined;
  return { char, length: index - at, column };
}

/** Whether the text from `start` (past the indentation) closes `fence`: as many of its characters or more, then nothing. */
function isFenceClose(src: string, start: number, end: number, fence: Fence): boolean {
  let index = start;
  while (index < end && src[index] === fence.char) index += 1;
  return index - start >= fence.length && isBlank(src, index, end);
}

function isLetter(char: string | undefined): boolean {
  return char !== undefined && ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z'));
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function isSchemeChar(char: string | undefined): boolean {
  return isLetter(char) || isDigit(char) || char === '+' || char === '.' || char === '-';
}

function isUriChar(char: string | undefined): boolean {
  return char !== undefined && char > ' ' && char !== '<' && char !== '>' && char !== '\x7f';
}

function isEmailLocalChar(char: string | undefined): boolean {
  return (
    char !== undefined && (isLetter(char) || isDigit(char) || ".!#$%&'*+/=?^_`{|}~-".includes(char))
  );
}

/** Index of the last entry of ascending `positions` that is at most `at`, or -1. */
function lastAtOrBefore(positions: readonly number[], at: number): number {
  let low = 0;
  let high = positions.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((positions[middle] ?? 0) <= at) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * The text with the edits and escapes applied and every segment marker back in place. An edit
 * inside a larger one (a tag rewritten inside a removed definition) goes with the larger one.
 */
function applyEdits(
  plain: string,
  edits: readonly Edit[],
  escapes: readonly number[],
  markers: readonly Marker[],
): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  let result = '';
  let position = 0;
  let marker = 0;
  let escape = 0;
  const copyTo = (end: number): void => {
    for (;;) {
      const nextMarker = markers[marker]?.at ?? Number.POSITIVE_INFINITY;
      while ((escapes[escape] ?? Number.POSITIVE_INFINITY) < position) escape += 1;
      const nextEscape = escapes[escape] ?? Number.POSITIVE_INFINITY;
      const next = Math.min(nextMarker, nextEscape);
      if (next >= end) break;
      result += plain.slice(position, next);
      position = next;
      if (nextMarker === next) {
        result += markers[marker]?.text ?? '';
        marker += 1;
      } else {
        result += '&lt;';
        position += 1;
        escape += 1;
      }
    }
    result += plain.slice(position, end);
    position = end;
  };
  for (const edit of sorted) {
    if (edit.start < position) continue;
    copyTo(edit.start);
    while (marker < markers.length && markers[marker]?.at === edit.start) {
      result += markers[marker]?.text ?? '';
      marker += 1;
    }
    result += edit.text;
    // Markers inside replaced text follow the replacement, so each segment keeps its markers.
    while (marker < markers.length && (markers[marker]?.at ?? 0) < edit.end) {
      result += markers[marker]?.text ?? '';
      marker += 1;
    }
    position = Math.max(position, edit.end);
  }
  copyTo(plain.length);
  while (marker < markers.length) result += markers[marker++]?.text ?? '';
  return result;
}

/** Offsets in the text without markers → offsets in the text with them. */
function toOriginalOffsets(
  changes: ReadonlyArray<{ at: number; message: string }>,
  markers: readonly Marker[],
): MarkupChange[] {
  const sorted = [...changes].sort((a, b) => a.at - b.at);
  let marker = 0;
  let shift = 0;
  return sorted.map(({ at, message }) => {
    while (marker < markers.length && (markers[marker]?.at ?? 0) <= at) {
      shift += markers[marker]?.text.length ?? 0;
      marker += 1;
    }
    return { offset: at + shift, message };
  });
}
