/** What a link or image target may be on the site. */
export type UrlVerdict =
  | { kind: 'allowed' }
  /** A `mailto:` link: the site shows the address as text instead. */
  | { kind: 'mailto'; address: string }
  | { kind: 'blocked'; scheme: string };

/** Where the target was written: Markdown decodes backslash escapes too, HTML attributes do not. */
export type UrlSyntax = 'markdown' | 'html';

const ALLOWED_SCHEMES = new Set(['http', 'https']);

/**
 * Named character references that stand for ASCII characters (all 46 of the HTML list). Only
 * these can change the scheme of a URL: any other reference is a non-ASCII character, which ends
 * a scheme just as a literal `&` does.
 */
const ASCII_REFERENCES: Readonly<Record<string, string>> = {
  AMP: '&',
  DiacriticalGrave: '`',
  GT: '>',
  Hat: '^',
  LT: '<',
  NewLine: '\n',
  QUOT: '"',
  Tab: '\t',
  UnderBar: '_',
  VerticalLine: '|',
  amp: '&',
  apos: "'",
  ast: '*',
  bsol: '\\',
  colon: ':',
  comma: ',',
  commat: '@',
  dollar: '$',
  equals: '=',
  excl: '!',
  fjlig: 'fj',
  grave: '`',
  gt: '>',
  lbrace: '{',
  lbrack: '[',
  lcub: '{',
  lowbar: '_',
  lpar: '(',
  lsqb: '[',
  lt: '<',
  midast: '*',
  num: '#',
  percnt: '%',
  period: '.',
  plus: '+',
  quest: '?',
  quot: '"',
  rbrace: '}',
  rbrack: ']',
  rcub: '}',
  rpar: ')',
  rsqb: ']',
  semi: ';',
  sol: '/',
  verbar: '|',
  vert: '|',
};

/**
 * Decides whether a link target may stay. The target is read the way a browser reads it after
 * Markdown: character references and (in Markdown) backslash escapes decoded, ASCII tab and
 * newlines removed, leading and trailing controls and spaces trimmed. So `jav&#x61;script:`,
 * `java\tscript:` and ` JAVASCRIPT:` are all the `javascript` scheme.
 */
export function checkUrl(raw: string, syntax: UrlSyntax): UrlVerdict {
  const url = browserUrl(raw, syntax);
  const scheme = schemeOf(url);
  if (scheme === undefined || ALLOWED_SCHEMES.has(scheme)) return { kind: 'allowed' };
  if (scheme === 'mailto') return { kind: 'mailto', address: mailtoAddress(url) };
  return { kind: 'blocked', scheme };
}

/** The URL a browser ends up with for a target written as `raw`. */
function browserUrl(raw: string, syntax: UrlSyntax): string {
  const decoded = decodeReferences(syntax === 'markdown' ? unescapeMarkdown(raw) : raw);
  let result = '';
  for (const char of decoded) if (char !== '\t' && char !== '\n' && char !== '\r') result += char;
  let start = 0;
  let end = result.length;
  while (start < end && result.charCodeAt(start) <= 0x20) start += 1;
  while (end > start && result.charCodeAt(end - 1) <= 0x20) end -= 1;
  return result.slice(start, end);
}

/** The lower-cased scheme of a URL, or undefined for a relative one. */
function schemeOf(url: string): string | undefined {
  if (!isAsciiLetter(url.charCodeAt(0))) return undefined;
  let index = 1;
  while (index < url.length && isSchemeChar(url.charCodeAt(index))) index += 1;
  return url[index] === ':' ? url.slice(0, index).toLowerCase() : undefined;
}

function mailtoAddress(url: string): string {
  const rest = url.slice('mailto:'.length);
  const query = rest.indexOf('?');
  const address = query === -1 ? rest : rest.slice(0, query);
  try {
    return decodeURIComponent(address);
  } catch {
    return address;
  }
}

/** `\` before ASCII punctuation is an escape in Markdown: `javascript\:` is `javascript:`. */
function unescapeMarkdown(text: string): string {
  let result = '';
  for (let index = 0; index < text.length; index += 1) {
    const next = text[index + 1];
    if (text[index] === '\\' && next !== undefined && isAsciiPunctuation(next)) {
      result += next;
      index += 1;
    } else {
      result += text[index];
    }
  }
  return result;
}

/**
 * Decodes numeric references (`&#106;`, `&#x6A`, with or without `;` as browsers allow) and the
 * named references of ASCII characters; other named references are left as written.
 */
function decodeReferences(text: string): string {
  let result = '';
  let index = 0;
  while (index < text.length) {
    const amp = text.indexOf('&', index);
    if (amp === -1) break;
    result += text.slice(index, amp);
    const decoded = readReference(text, amp);
    result += decoded.text;
    index = decoded.end;
  }
  return result + text.slice(index);
}

function readReference(text: string, amp: number): { text: string; end: number } {
  let index = amp + 1;
  if (text[index] === '#') {
    index += 1;
    const hex = text[index] === 'x' || text[index] === 'X';
    if (hex) index += 1;
    const digitsStart = index;
    while (index < text.length && isDigit(text.charCodeAt(index), hex)) index += 1;
    if (index === digitsStart) return { text: '&', end: amp + 1 };
    const code = parseNumber(text.slice(digitsStart, index), hex);
    if (text[index] === ';') index += 1;
    return { text: characterOf(code), end: index };
  }
  while (index < text.length && isAsciiAlphanumeric(text.charCodeAt(index))) index += 1;
  const name = text.slice(amp + 1, index);
  const value = Object.hasOwn(ASCII_REFERENCES, name) ? ASCII_REFERENCES[name] : undefined;
  if (value !== undefined && text[index] === ';') return { text: value, end: index + 1 };
  return { text: '&', end: amp + 1 };
}

/** Large numbers saturate: anything past U+10FFFF becomes U+FFFD, as in a browser. */
function parseNumber(digits: string, hex: boolean): number {
  const significant = digits.replace(/^0+/, '');
  if (significant.length > 8) return 0x110000;
  return Number.parseInt(significant === '' ? '0' : significant, hex ? 16 : 10);
}

function characterOf(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  // Browsers read 0x80–0x9F as windows-1252; none of those is ASCII, so any non-ASCII will do.
  if (code >= 0x80 && code <= 0x9f) return '\uFFFD';
  return String.fromCodePoint(code);
}

function isDigit(code: number, hex: boolean): boolean {
  if (code >= 0x30 && code <= 0x39) return true;
  return hex && ((code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66));
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isAsciiAlphanumeric(code: number): boolean {
  return isAsciiLetter(code) || (code >= 0x30 && code <= 0x39);
}

function isSchemeChar(code: number): boolean {
  return isAsciiAlphanumeric(code) || code === 0x2b || code === 0x2d || code === 0x2e;
}

/** ASCII punctuation as CommonMark defines it: what a backslash can escape. */
export function isAsciiPunctuation(char: string): boolean {
  return char.length === 1 && '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'.includes(char);
}
