import { NextIndex } from './next-index.ts';

/** A Markdown image `![alt](path rest)` found in a text. */
export interface FoundImage {
  start: number;
  end: number;
  alt: string;
  path: string;
  /** What follows the path inside the parentheses, such as ` "title"`. */
  rest: string;
}

/**
 * Images `![alt](path "title")` of a text: the alt may hold one level of brackets
 * (`![[特典] 画面](…)`), the path is the first word inside the parentheses. Every `![` is tried,
 * and the ends of the path and of the parentheses are found with remembered `indexOf`s, so
 * a text made of nothing but `![x](` takes linear time.
 */
export function findImages(text: string): FoundImage[] {
  const images: FoundImage[] = [];
  const next = new NextIndex(text);
  const pathEnds = new NextStop(text, (char) => char === ')' || WHITESPACE.test(char));
  let from = 0;
  for (;;) {
    const start = text.indexOf('![', from);
    if (start === -1) return images;
    const image = imageAt(text, start, next, pathEnds);
    if (image) images.push(image);
    from = image ? image.end : start + 1;
  }
}

/** `text` with every image replaced by `replace(image)`. */
export function replaceImages(text: string, replace: (image: FoundImage) => string): string {
  let result = '';
  let position = 0;
  for (const image of findImages(text)) {
    result += text.slice(position, image.start) + replace(image);
    position = image.end;
  }
  return result + text.slice(position);
}

function imageAt(
  text: string,
  start: number,
  next: NextIndex,
  pathEnds: NextStop,
): FoundImage | undefined {
  const altEnd = bracketLabelEnd(text, start + 1);
  if (altEnd === -1 || text[altEnd + 1] !== '(') return undefined;
  let pathStart = altEnd + 2;
  while (pathStart < text.length && WHITESPACE.test(text[pathStart] ?? '')) pathStart += 1;
  const pathEnd = pathEnds.from(pathStart);
  if (pathEnd === pathStart) return undefined;
  const close = next.of(')', pathEnd);
  if (close === -1) return undefined;
  return {
    start,
    end: close + 1,
    alt: text.slice(start + 2, altEnd),
    path: text.slice(pathStart, pathEnd),
    rest: text.slice(pathEnd, close),
  };
}

/**
 * Index of the `]` closing the label (link text or image alt) opened at `open`, allowing one
 * level of brackets and no line break, or -1.
 */
export function bracketLabelEnd(text: string, open: number): number {
  let index = open + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === ']') return index;
    if (char === '\n') return -1;
    if (char === '[') {
      index += 1;
      while (index < text.length && text[index] !== ']') {
        if (text[index] === '[' || text[index] === '\n') return -1;
        index += 1;
      }
      if (index >= text.length) return -1;
    }
    index += 1;
  }
  return -1;
}

/** What `\s` matches in a JavaScript pattern, which is what image paths used to end at. */
const WHITESPACE = /\s/;

/** The next character at or after a position that `stops`, remembered like NextIndex. */
class NextStop {
  readonly #text: string;
  readonly #stops: (char: string) => boolean;
  #known = { from: 0, at: -1 };

  constructor(text: string, stops: (char: string) => boolean) {
    this.#text = text;
    this.#stops = stops;
  }

  /** Index of the first stopping character at or after `from`, or the text's length. */
  from(from: number): number {
    if (this.#known.from <= from && from <= this.#known.at) return this.#known.at;
    let at = from;
    while (at < this.#text.length && !this.#stops(this.#text[at] ?? '')) at += 1;
    this.#known = { from, at };
    return at;
  }
}
