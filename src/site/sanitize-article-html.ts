import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';

/**
 * Classes that the site's own Markdown plugins and Starlight's asides put on article HTML. Only
 * these survive: a class written in an article could otherwise dress content up as the site's
 * own interface (a fake banner, a hidden element, a button).
 */
const SITE_CLASSES =
  /^(?:starlight-aside(?:--(?:note|tip|caution|danger)|__(?:title|icon|content))?|missing-image(?:__label|__alt)?|sl-heading-wrapper|level-h[1-6]|sl-anchor-link|sl-anchor-icon|sr-only|expressive-code|frame|not-content|is-terminal|header|title|ec-line|code|copy|indent)$/;

/** Expressive Code's own stylesheet and script, which it places inside the first code block. */
const CODE_BLOCK_STYLESHEET = /^\/_astro\/ec\.[\w-]+\.css$/;
const CODE_BLOCK_SCRIPT = /^\/_astro\/ec\.[\w-]+\.js$/;

const TABLE_ALIGNMENT = /^text-align: ?(?:left|center|right);?$/;
const CODE_TOKEN_COLOURS = /^(?:--\d+: ?#[\da-fA-F]{3,8};? ?)+$/;

/** Ids the page itself uses (Starlight's `starlight__…`, `sl-…`, Astro's): article ids must not shadow them. */
const ARTICLE_ID = /^(?!starlight|sl-|astro-)[^\s]+$/;

/**
 * What an article's HTML may contain: the elements Markdown and Microsoft's articles use, the
 * markup of the site's own plugins (heading links with their icon, asides, Expressive Code's code
 * blocks), and nothing that runs or loads anything else: no inline scripts and no script or
 * stylesheet but Expressive Code's own files, no styles, frames, forms or event handlers, `style`
 * only as table alignment and token colours, links and images only to `http(s):` or relative
 * addresses.
 */
export const articleHtmlSchema: Schema = {
  tagNames: [
    'a',
    'abbr',
    'aside',
    'b',
    'blockquote',
    'br',
    'button',
    'caption',
    'code',
    'col',
    'colgroup',
    'dd',
    'del',
    'details',
    'div',
    'dl',
    'dt',
    'em',
    'figcaption',
    'figure',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'i',
    'img',
    'ins',
    'kbd',
    'li',
    'link',
    'mark',
    'ol',
    'p',
    'path',
    'pre',
    'q',
    's',
    'samp',
    'script',
    'section',
    'small',
    'span',
    'strike',
    'strong',
    'sub',
    'summary',
    'sup',
    'svg',
    'table',
    'tbody',
    'td',
    'tfoot',
    'th',
    'thead',
    'tr',
    'u',
    'ul',
    'var',
  ],
  attributes: {
    '*': [
      ['className', SITE_CLASSES],
      ['id', ARTICLE_ID],
      'lang',
      'dir',
      'title',
      'ariaHidden',
      'ariaLabel',
      'ariaCurrent',
      'dataPagefindIgnore',
    ],
    a: ['href', 'hrefLang', 'name'],
    img: ['src', 'alt', 'width', 'height', 'loading', 'decoding'],
    ol: ['start', 'reversed', 'type'],
    li: ['value'],
    // Markdown table column alignment is written as a `style`; nothing else is.
    td: ['colSpan', 'rowSpan', 'headers', 'align', ['style', TABLE_ALIGNMENT]],
    th: ['colSpan', 'rowSpan', 'headers', 'scope', 'align', ['style', TABLE_ALIGNMENT]],
    col: ['span', 'width'],
    colgroup: ['span', 'width'],
    details: ['open'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite'],
    ins: ['cite'],
    code: [['className', /^language-[\w-]+$/]],
    pre: ['tabIndex', 'dataLanguage', ['className', /^language-[\w-]+$/]],
    // Expressive Code's markup: token colours as custom properties, its copy button, its files.
    span: [['style', CODE_TOKEN_COLOURS]],
    div: ['ariaLive'],
    button: ['dataCode', 'dataCopied'],
    link: [
      ['rel', 'stylesheet'],
      ['href', CODE_BLOCK_STYLESHEET],
    ],
    script: [
      ['type', 'module'],
      ['src', CODE_BLOCK_SCRIPT],
    ],
    svg: ['width', 'height', 'viewBox', 'fill'],
    path: ['d', 'fillRule', 'clipRule'],
  },
  // Heading ids are link targets (`#update-customer-details`), so they stay as written; the
  // ARTICLE_ID pattern keeps them off the page's own ids instead of prefixing them.
  clobber: [],
  clobberPrefix: '',
  protocols: {
    href: ['http', 'https'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
  },
  ancestors: {
    tbody: ['table'],
    td: ['table'],
    th: ['table'],
    thead: ['table'],
    tfoot: ['table'],
    tr: ['table'],
    path: ['svg'],
  },
  required: { link: { rel: 'stylesheet' }, script: { type: 'module' } },
  strip: ['style', 'template', 'noscript', 'iframe', 'object', 'embed', 'textarea'],
  allowComments: false,
  allowDoctypes: false,
};

/**
 * An article's rendered HTML with everything outside `articleHtmlSchema` removed, using
 * hast-util-sanitize (rehype-sanitize's engine) on the HTML as a browser would parse it. The
 * importer already writes clean Markdown; this second guard covers hand-edited articles and
 * anything a Markdown plugin lets through. Text stays text: `&lt;Subscription ID&gt;` is shown.
 */
export function sanitizeArticleHtml(html: string): string {
  return toHtml(sanitizeArticleTree(fromHtml(html, { fragment: true })));
}

/** {@link sanitizeArticleHtml} on a parsed fragment, for a pipeline that parses the HTML once. */
export function sanitizeArticleTree(tree: Root): Root {
  return tidy(sanitize(tree, articleHtmlSchema) as Root);
}

type Node = ReturnType<typeof sanitize>;
type Child = Extract<Node, { children: unknown }>['children'][number];

/**
 * What the schema cannot say: a `<script>` or `<link>` that lost its `src`/`href` (it pointed
 * anywhere but Expressive Code's files), or a `<script>` with text of its own, goes with what it
 * holds; a link whose address was removed (`javascript:`, `mailto:`…) becomes its text, so it
 * reads as before and does not look clickable; classes that were all removed leave no `class=""`.
 */
function tidy<T extends Node>(node: T): T {
  if (!('children' in node)) return node;
  const children = node.children.flatMap((child): Child[] => {
    if (child.type !== 'element') return [child];
    const { tagName, properties } = child;
    if (tagName === 'script' && (typeof properties['src'] !== 'string' || child.children.length))
      return [];
    if (tagName === 'link' && typeof properties['href'] !== 'string') return [];
    if (tagName === 'a' && !('href' in properties || 'id' in properties || 'name' in properties))
      return tidy(child).children;
    if (Array.isArray(properties['className']) && properties['className'].length === 0)
      delete properties['className'];
    return [tidy(child)];
  });
  return { ...node, children } as T;
}
