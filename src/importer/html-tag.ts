import type { NextIndex } from './next-index.ts';

/** One attribute of a tag as written: `name`, and its value unless it has none. */
export interface TagAttribute {
  /** Lower-cased, as a browser reads it. */
  name: string;
  /** The value as written, character references not decoded; undefined for `<td nowrap>`. */
  value?: string;
}

/** A start or end tag. */
export interface Tag {
  /** Lower-cased element name, e.g. `a`. */
  name: string;
  closing: boolean;
  /** Attributes in order, later duplicates dropped (a browser keeps the first). */
  attributes: TagAttribute[];
  /** Number of attributes written twice, which a browser ignores. */
  duplicates: number;
  /** Written as `<br/>` or `<br />`: the text before `>` is `/` or ` /`. */
  selfClosing: '' | '/' | ' /';
  /** Index just past the closing `>`. */
  end: number;
}

/**
 * Reads the tag that starts with the `<` at `start`, by CommonMark's grammar of raw HTML (tag
 * names `[A-Za-z][A-Za-z0-9-]*`, whitespace before every attribute, values unquoted or in `'` or
 * `"`), which is what the Markdown renderer passes through as HTML. Anything else is not a tag and
 * the caller escapes its `<`; tags must end before `limit` (the end of the line). Quoted values are
 * found with `next`, so reading every `<` of a text takes time linear in its length.
 */
export function readTag(
  text: string,
  start: number,
  limit: number,
  next: NextIndex,
): Tag | undefined {
  let index = start + 1;
  const closing = text[index] === '/';
  if (closing) index += 1;
  const nameStart = index;
  if (!isAsciiLetter(text[index])) return undefined;
  while (index < limit && isTagNameChar(text[index])) index += 1;
  const name = text.slice(nameStart, index).toLowerCase();
  const attributes: TagAttribute[] = [];
  let seen: Set<string> | undefined;
  let duplicates = 0;
  for (;;) {
    const spaceStart = index;
    while (index < limit && isSpace(text[index])) index += 1;
    const spaced = index > spaceStart;
    const char = text[index];
    if (index >= limit) return undefined;
    if (char === '>')
      return { name, closing, attributes, duplicates, selfClosing: '', end: index + 1 };
    if (char === '/' && !closing && text[index + 1] === '>' && index + 1 < limit) {
      return {
        name,
        closing,
        attributes,
        duplicates,
        selfClosing: spaced ? ' /' : '/',
        end: index + 2,
      };
    }
    if (closing || !spaced || !isAttributeNameStart(char)) return undefined;
    const attributeStart = index;
    while (index < limit && isAttributeNameChar(text[index])) index += 1;
    const attributeName = text.slice(attributeStart, index).toLowerCase();
    let afterName = index;
    while (afterName < limit && isSpace(text[afterName])) afterName += 1;
    let value: string | undefined;
    if (text[afterName] === '=' && afterName < limit) {
      index = afterName + 1;
      while (index < limit && isSpace(text[index])) index += 1;
      const quote = text[index];
      if (quote === '"' || quote === "'") {
        const close = next.of(quote, index + 1);
        if (close === -1 || close >= limit) return undefined;
        value = text.slice(index + 1, close);
        index = close + 1;
      } else {
        const valueStart = index;
        while (index < limit && isUnquotedValueChar(text[index])) index += 1;
        if (index === valueStart) return undefined;
        value = text.slice(valueStart, index);
      }
    }
    seen ??= new Set();
    if (seen.has(attributeName)) {
      duplicates += 1;
    } else {
      seen.add(attributeName);
      attributes.push(
        value === undefined ? { name: attributeName } : { name: attributeName, value },
      );
    }
  }
}

/**
 * Writes a tag in a form that CommonMark, GFM tables and browsers all read the same way:
 * double-quoted values in which `"`, `<`, `>`, `` ` `` and `|` are character references, so no
 * value can end the tag, start a code span or split a table cell.
 */
export function writeTag(tag: Tag): string {
  if (tag.closing) return `</${tag.name}>`;
  let result = `<${tag.name}`;
  for (const attribute of tag.attributes) {
    result += ` ${attribute.name}`;
    if (attribute.value !== undefined) result += `="${escapeAttributeValue(attribute.value)}"`;
  }
  return `${result}${tag.selfClosing}>`;
}

const VALUE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '&quot;',
  '<': '&lt;',
  '>': '&gt;',
  '`': '&#96;',
  '|': '&#124;',
};

function escapeAttributeValue(value: string): string {
  let result = '';
  for (const char of value) result += VALUE_ESCAPES[char] ?? char;
  return result;
}

function isAsciiLetter(char: string | undefined): boolean {
  return char !== undefined && ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z'));
}

function isTagNameChar(char: string | undefined): boolean {
  return (
    isAsciiLetter(char) || (char !== undefined && ((char >= '0' && char <= '9') || char === '-'))
  );
}

function isAttributeNameStart(char: string | undefined): boolean {
  return isAsciiLetter(char) || char === '_' || char === ':';
}

function isAttributeNameChar(char: string | undefined): boolean {
  return isTagNameChar(char) || char === '_' || char === '.' || char === ':';
}

function isUnquotedValueChar(char: string | undefined): boolean {
  return char !== undefined && !isSpace(char) && !'"\'=<>`'.includes(char);
}

/** Spaces and tabs: a tag read here never spans lines. */
function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}
