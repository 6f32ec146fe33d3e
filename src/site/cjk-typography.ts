import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';

/** A UI term as Microsoft's Japanese and Chinese articles write it: `[顧客]`, maybe in 「」. */
const uiTerm = /「?\[[^[\]\n]{1,40}\]」?/g;

/** A half-width space machine translation leaves after a full-width sentence end: `。 次に`. */
const spaceAfterFullStop = /([。！？])[ \t]+(?=\S|$)/g;

/** Text without the stray half-width space after 。！？, as the site renders Japanese and Chinese. */
export function withoutSpaceAfterFullStop(text: string): string {
  return text.replace(spaceAfterFullStop, '$1');
}

/** Elements whose text is code or another language, left exactly as written. */
const untouched = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'svg']);

/**
 * Japanese and Chinese typography on an article's sanitized HTML, in trusted code: drops the
 * stray half-width space after 。！？ (it shows as a gap in the middle of a line), and keeps every
 * bracketed UI term (`[顧客]`, `「[顧客]」`) on one line in a `span.ui-term`, so a reader never
 * sees `[顧` at a line's end and `客]` on the next. Code and `lang="en"` text are left alone.
 */
export function cjkTypography(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  cjkTypographyTree(tree);
  return toHtml(tree);
}

/** {@link cjkTypography} in place on a parsed fragment, for a pipeline that parses the HTML once. */
export function cjkTypographyTree(tree: Root): void {
  visit(tree);
}

function visit(parent: Root | Element): void {
  parent.children = parent.children.flatMap((child): ElementContent[] => {
    if (child.type === 'element') {
      const lang = child.properties['lang'];
      if (!untouched.has(child.tagName) && !(typeof lang === 'string' && lang.startsWith('en')))
        visit(child);
      return [child];
    }
    if (child.type !== 'text') return child.type === 'doctype' ? [] : [child as ElementContent];
    return splitUiTerms(withoutSpaceAfterFullStop(child.value));
  });
}

function splitUiTerms(text: string): ElementContent[] {
  const parts: ElementContent[] = [];
  let last = 0;
  for (const match of text.matchAll(uiTerm)) {
    if (match.index > last) parts.push({ type: 'text', value: text.slice(last, match.index) });
    parts.push({
      type: 'element',
      tagName: 'span',
      properties: { className: ['ui-term'] },
      children: [{ type: 'text', value: match[0] }],
    });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ type: 'text', value: text.slice(last) });
  return parts;
}
