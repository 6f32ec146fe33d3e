import { bracketLabelEnd } from './images.ts';
import { NextIndex } from './next-index.ts';

/** A link found in a segment: its visible text, target, and where it sits in the segment. */
export interface FoundLink {
  text: string;
  target: string;
  start: number;
  end: number;
}

/** Links of English text: inline `[t](u)`, reference `[t][u]` and raw `<a href="u">t</a>`. */
export function findLinks(
  text: string,
  definitions: ReadonlyMap<string, string> = new Map(),
): FoundLink[] {
  return scanLinks(text, false, definitions);
}

/** Link-like constructs of translated text, including the `[t] (u)` and `[t] [u]` that MT makes. */
export function findTranslatedLinks(text: string): FoundLink[] {
  return scanLinks(text, true, new Map());
}

/**
 * Finds, left to right, every `[text](target "title")`, `[text][reference]` (not after `!`) and
 * `<a href="target" …>text</a>`. Link text may hold one level of brackets: `[**[Customers]**](x)`.
 * Machine translation puts a space between the parts: `spaced` accepts one. The ends of quoted
 * titles, tags and anchors are found with remembered `indexOf`s, so the time is linear.
 */
function scanLinks(
  text: string,
  spaced: boolean,
  definitions: ReadonlyMap<string, string>,
): FoundLink[] {
  const links: FoundLink[] = [];
  const next = new NextIndex(text);
  let position = 0;
  while (position < text.length) {
    const bracket = next.of('[', position);
    const anchor = next.of('<a', position);
    const start = Math.min(
      bracket === -1 ? text.length : bracket,
      anchor === -1 ? text.length : anchor,
    );
    if (start === text.length) break;
    const link =
      start === bracket
        ? markdownLinkAt(text, start, spaced, definitions, next)
        : rawAnchorAt(text, start, next);
    if (link) links.push(link);
    position = link ? link.end : start + 1;
  }
  return links;
}

function markdownLinkAt(
  text: string,
  start: number,
  spaced: boolean,
  definitions: ReadonlyMap<string, string>,
  next: NextIndex,
): FoundLink | undefined {
  if (text[start - 1] === '!') return undefined;
  const labelEnd = bracketLabelEnd(text, start);
  if (labelEnd === -1) return undefined;
  const label = text.slice(start + 1, labelEnd);
  const tail = spaced && text[labelEnd + 1] === ' ' ? labelEnd + 2 : labelEnd + 1;
  if (text[tail] === '(') {
    let index = tail + 1;
    while (index < text.length && !'()'.includes(text[index] ?? '') && !isSpace(text[index])) {
      index += 1;
    }
    const target = text.slice(tail + 1, index);
    if (isSpace(text[index])) {
      while (isSpace(text[index])) index += 1;
      if (text[index] !== '"') return undefined;
      index = next.of('"', index + 1);
      if (index === -1) return undefined;
      index += 1;
    }
    if (text[index] !== ')') return undefined;
    return { text: label, target, start, end: index + 1 };
  }
  if (text[tail] === '[') {
    let index = tail + 1;
    while (index < text.length && text[index] !== '[' && text[index] !== ']') index += 1;
    if (index === tail + 1 || text[index] !== ']') return undefined;
    const reference = text.slice(tail + 1, index);
    const target = definitions.get(reference.toLowerCase()) ?? reference;
    return { text: label, target, start, end: index + 1 };
  }
  return undefined;
}

/** `<a href="target" …>text</a>` at `start`. */
function rawAnchorAt(text: string, start: number, next: NextIndex): FoundLink | undefined {
  let index = start + 2;
  if (!isSpace(text[index])) return undefined;
  while (isSpace(text[index])) index += 1;
  if (!text.startsWith('href="', index)) return undefined;
  const valueStart = index + 'href="'.length;
  const valueEnd = next.of('"', valueStart);
  if (valueEnd === -1) return undefined;
  const tagEnd = next.of('>', valueEnd + 1);
  if (tagEnd === -1) return undefined;
  const close = next.of('</a>', tagEnd + 1);
  if (close === -1) return undefined;
  return {
    text: text.slice(tagEnd + 1, close),
    target: text.slice(valueStart, valueEnd),
    start,
    end: close + '</a>'.length,
  };
}

/** What `\s` matches in a JavaScript pattern, which is what these links were first read with. */
function isSpace(char: string | undefined): boolean {
  return char !== undefined && WHITESPACE.test(char);
}

const WHITESPACE = /\s/;

/** How links are written: Markdown, or HTML inside HTML blocks, where Markdown is not parsed. */
export type LinkSyntax = 'markdown' | 'html';

/** Writes every link of `text` as an inline link, with `targets[i]` for the i-th link. */
export function rewriteLinks(
  text: string,
  links: readonly FoundLink[],
  targets: readonly string[],
  syntax: LinkSyntax = 'markdown',
): string {
  let result = '';
  let position = 0;
  links.forEach((link, index) => {
    const target = targets[index] ?? link.target;
    const written =
      syntax === 'html' ? `<a href="${target}">${link.text}</a>` : `[${link.text}](${target})`;
    result += `${text.slice(position, link.start)}${written}`;
    position = link.end;
  });
  return result + text.slice(position);
}

/** Result of repairing the links of one translated segment from its English source. */
export interface LinkRepair {
  target: string;
  source: string;
  /** Set when the links could not be paired; the translation was kept as it was. */
  problem?: string;
}

/**
 * Gives each link of the translation the target of the English link at the same position,
 * and writes the links of both sides as inline Markdown links.
 */
export function repairLinks(
  target: string,
  source: string,
  definitions: ReadonlyMap<string, string>,
  syntax: LinkSyntax = 'markdown',
): LinkRepair {
  const englishLinks = findLinks(source, definitions);
  const repairedSource = rewriteLinks(
    source,
    englishLinks,
    englishLinks.map((link) => link.target),
    syntax,
  );
  if (englishLinks.length === 0) return { target, source: repairedSource };
  const translatedLinks = findTranslatedLinks(target);
  if (translatedLinks.length === englishLinks.length) {
    return {
      target: rewriteLinks(
        target,
        translatedLinks,
        englishLinks.map((link) => link.target),
        syntax,
      ),
      source: repairedSource,
    };
  }
  const rawAnchors = translatedLinks.filter((link) => target.startsWith('<a', link.start));
  return {
    target: rewriteLinks(
      target,
      rawAnchors,
      rawAnchors.map((link) => link.target),
      syntax,
    ),
    source: repairedSource,
    problem: `could not pair ${englishLinks.length} English link(s) with ${translatedLinks.length} link(s) in the translation; kept the translation's links`,
  };
}

const EMPTY_ESCAPED_BOLD = String.raw`\*\*\*\*`;

/**
 * Machine translation turns `select **Submit**` into `選取 [提交]\*\*\*\*`: the bold markers end up
 * escaped and empty behind the UI label. When the English has bold there, bold the label again.
 * Returns the text unchanged when the English has no bold.
 */
export function repairEscapedBold(target: string, source: string): string {
  if (!target.includes(EMPTY_ESCAPED_BOLD) || !hasBold(source)) return target;
  let result = '';
  let position = 0;
  for (let at = target.indexOf(EMPTY_ESCAPED_BOLD); at !== -1;) {
    const open = target[at - 1] === ']' ? labelStart(target, at - 1) : -1;
    if (open === -1) {
      result += target.slice(position, at);
    } else {
      result += `${target.slice(position, open)}**${target.slice(open, at)}**`;
    }
    position = at + EMPTY_ESCAPED_BOLD.length;
    at = target.indexOf(EMPTY_ESCAPED_BOLD, position);
  }
  return result + target.slice(position);
}

/** Index of the `[` of a label `[…]` with no brackets or line breaks inside, closed at `close`. */
function labelStart(text: string, close: number): number {
  let index = close - 1;
  while (index >= 0 && text[index] !== '[' && text[index] !== ']' && text[index] !== '\n') {
    index -= 1;
  }
  return index >= 0 && index < close - 1 && text[index] === '[' ? index : -1;
}

/** Whether `text` has `**bold**`: two asterisks, something without asterisks, two asterisks. */
function hasBold(text: string): boolean {
  for (let at = text.indexOf('**'); at !== -1; at = text.indexOf('**', at + 1)) {
    let end = at + 2;
    while (end < text.length && text[end] !== '*') end += 1;
    if (end > at + 2 && text.startsWith('**', end)) return true;
  }
  return false;
}
