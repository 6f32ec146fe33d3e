// Tags a Markdown page may legitimately carry; any other `<word …>` is a placeholder such as
// `<Subscription ID>`, which a browser would swallow as an unknown element.
const HTML_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'caption',
  'center',
  'cite',
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
  'font',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'iframe',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'u',
  'ul',
  'video',
]);

const TAG_LIKE = /<(\/?)([A-Za-z][\w-]*)([^<>\n]*)>/g;
const AUTOLINK = /^<[A-Za-z][\w+.-]*:[^\s<>]*>$|^<[^\s@<>]+@[^\s@<>]+>$/;
const CODE_SPAN = /(`+)[\s\S]*?\1/g;

/**
 * Escapes angle-bracket placeholders (`<VM Instance Name>`) so they stay visible, leaving real
 * HTML, autolinks and code spans alone. `&lt;` is used rather than `\<` because it also works
 * inside HTML blocks (tables written as HTML), where Markdown backslash escapes do not apply.
 */
export function escapePlaceholders(text: string): string {
  let result = '';
  let position = 0;
  for (const code of text.matchAll(CODE_SPAN)) {
    result += escapeOutsideCode(text.slice(position, code.index)) + code[0];
    position = code.index + code[0].length;
  }
  return result + escapeOutsideCode(text.slice(position));
}

function escapeOutsideCode(text: string): string {
  return text.replace(TAG_LIKE, (tag: string, _slash: string, name: string) =>
    HTML_TAGS.has(name.toLowerCase()) || AUTOLINK.test(tag) ? tag : `&lt;${tag.slice(1)}`,
  );
}
