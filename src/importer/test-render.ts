import { fromHtml } from 'hast-util-from-html';
import { markdownToHtml } from 'satteri';

// Test support: renders imported Markdown with the renderer the site uses (satteri, through
// @astrojs/markdown-satteri) and lists whatever in the HTML a browser would run or load.

/** Elements and attributes Markdown itself makes, besides the ones the importer lets through. */
const RENDERED_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'name', 'id', 'title'],
  b: [],
  blockquote: [],
  br: [],
  code: ['className'],
  col: ['width'],
  colgroup: [],
  del: [],
  em: [],
  h1: ['id'],
  h2: ['id'],
  h3: ['id'],
  h4: ['id'],
  h5: ['id'],
  h6: ['id'],
  hr: [],
  i: [],
  img: ['src', 'alt', 'title'],
  input: ['type', 'checked', 'disabled'],
  kbd: [],
  li: ['id', 'className'],
  ol: ['start', 'className'],
  p: [],
  pre: [],
  section: ['dataFootnotes', 'className'],
  strong: [],
  sub: [],
  sup: [],
  table: [],
  tbody: [],
  td: ['align', 'style', 'colSpan', 'rowSpan'],
  th: ['align', 'style', 'colSpan', 'rowSpan'],
  thead: [],
  tr: ['className'],
  ul: ['className'],
};

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** What the page made of `markdown` would run or load: empty when the Markdown is inert. */
export function activeMarkup(markdown: string): string[] {
  const { html } = markdownToHtml(markdown, { features: { gfm: true, directive: true } });
  const problems: string[] = [];
  const visit = (node: HastNode): void => {
    if (node.type === 'element' && node.tagName !== undefined) {
      const allowed = RENDERED_ELEMENTS[node.tagName];
      if (!allowed) problems.push(`<${node.tagName}>`);
      for (const [name, value] of Object.entries(node.properties ?? {})) {
        if (!allowed?.includes(name)) problems.push(`<${node.tagName} ${name}>`);
        if ((name === 'href' || name === 'src') && typeof value === 'string') {
          if (!isAllowedUrl(value)) {
            problems.push(`<${node.tagName} ${name}="${value}">`);
          }
        }
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(fromHtml(html, { fragment: true }) as HastNode);
  return problems;
}

/**
 * How a browser resolves the address: relative ones land on the page's own https origin. GFM
 * turns bare e-mail addresses into `mailto:` links by itself, so those are let through here.
 */
function isAllowedUrl(value: string): boolean {
  // An address that does not parse goes nowhere.
  if (!URL.canParse(value, 'https://help.example/page/')) return true;
  const { protocol } = new URL(value, 'https://help.example/page/');
  return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:';
}
