import { closeSync, openSync, readSync, type Stats } from 'node:fs';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/** The Content-Security-Policy of a page that carries no policy of its own. */
export const FALLBACK_PAGE_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

/** Who may frame a page; only a header can say it (a `<meta>` policy cannot). */
const FRAME_ANCESTORS = "frame-ancestors 'self'";

/** Directives a page's policy gets when its own does not set them. */
const PAGE_DEFAULTS: readonly (readonly [name: string, value: string])[] = [
  ['base-uri', "'self'"],
  ['object-src', "'none'"],
  ['form-action', "'self'"],
];

/**
 * How much of a page is read to find its policy. Astro writes the policy early in `<head>`; a
 * page whose head is longer than this gets the fallback policy, which is stricter.
 */
const MAX_HEAD_BYTES = 256 * 1024;

// CSP's grammar: a directive name, then values of visible ASCII other than `,` and `;`.
const DIRECTIVE_NAME = /^[a-z0-9-]+$/i;
const DIRECTIVE_VALUE = /^[\x21-\x2b\x2d-\x3a\x3c-\x7e]+$/;
const ASCII_WHITESPACE = /[\t\n\f\r ]+/;

function isElement(node: Root['children'][number], tagName: string): node is Element {
  return node.type === 'element' && node.tagName === tagName;
}

/**
 * The `content` of the page's `<meta http-equiv="content-security-policy">`, parsed as a browser
 * parses the page: only a meta that is a child of `<head>` counts (as it does in browsers), so
 * the same text in a comment, a script or the body is never taken for it.
 */
export function metaPolicyOf(html: string): string | undefined {
  const document = fromHtml(html);
  const root = document.children.find((node) => isElement(node, 'html'));
  const head = root?.children.find((node) => isElement(node, 'head'));
  for (const node of head?.children ?? []) {
    if (!isElement(node, 'meta')) continue;
    const httpEquiv = node.properties['httpEquiv'];
    const names = Array.isArray(httpEquiv) ? httpEquiv.map(String) : [];
    if (names.length !== 1 || names[0]!.toLowerCase() !== 'content-security-policy') continue;
    const content = node.properties['content'];
    return typeof content === 'string' ? content : undefined;
  }
  return undefined;
}

/**
 * The header policy for a page whose meta policy is `meta`: the meta's directives (their
 * whitespace normalized), `base-uri`, `object-src` and `form-action` when the meta lacks them, and
 * `frame-ancestors 'self'` in place of any the meta names. A meta that is missing, empty or not
 * a well-formed policy gives the fallback policy instead, never a header built from bad text.
 */
export function pagePolicy(meta: string | undefined): string {
  if (meta === undefined) return FALLBACK_PAGE_POLICY;
  const directives: string[] = [];
  const names = new Set<string>();
  for (const text of meta.split(';')) {
    const [name, ...values] = text.split(ASCII_WHITESPACE).filter(Boolean);
    if (name === undefined) continue;
    if (!DIRECTIVE_NAME.test(name) || !values.every((value) => DIRECTIVE_VALUE.test(value)))
      return FALLBACK_PAGE_POLICY;
    const lowerName = name.toLowerCase();
    names.add(lowerName);
    if (lowerName !== 'frame-ancestors') directives.push([lowerName, ...values].join(' '));
  }
  if (directives.length === 0) return FALLBACK_PAGE_POLICY;
  for (const [name, value] of PAGE_DEFAULTS) {
    if (!names.has(name)) directives.push(`${name} ${value}`);
  }
  directives.push(FRAME_ANCESTORS);
  return directives.join('; ');
}

/** The start of a file, up to `</head`, as text. */
function readHead(path: string, size: number): string {
  const buffer = Buffer.alloc(Math.min(size, MAX_HEAD_BYTES));
  const file = openSync(path, 'r');
  let length: number;
  try {
    length = readSync(file, buffer, 0, buffer.length, 0);
  } finally {
    closeSync(file);
  }
  const text = buffer.toString('utf8', 0, length);
  // Parsing stops where the head ends. A meta placed after `</head>` (browsers still move it into
  // the head) is then missed, and the page gets the stricter fallback policy instead.
  const headEnd = text.search(/<\/head\b/i);
  return headEnd === -1 ? text : text.slice(0, headEnd);
}

/**
 * Header policies of the site's pages, each read from its file once and kept until the file
 * changes (its modification time or size).
 */
export class PagePolicies {
  readonly #cache = new Map<string, { mtimeMs: number; size: number; policy: string }>();

  /** The policy for the page at `path`, whose current `stat` the caller has. */
  policyFor(path: string, stat: Stats): string {
    const cached = this.#cache.get(path);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size)
      return cached.policy;
    let policy: string;
    try {
      policy = pagePolicy(metaPolicyOf(readHead(path, stat.size)));
    } catch {
      // The file went away or cannot be read between the stat and now: answer strictly, and
      // read it again next time.
      return FALLBACK_PAGE_POLICY;
    }
    this.#cache.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, policy });
    return policy;
  }
}
