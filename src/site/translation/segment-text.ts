/**
 * A segment's Markdown (`**[顧客]** を選択します。`, `[give …](x.md)`) as the reader sees it:
 * emphasis, code marks, link targets and inline HTML tags removed, spaces collapsed. Used to show
 * an English original as plain text and to find a segment in the rendered page.
 */
export function segmentPlainText(markdown: string): string {
  return markdown
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|`)/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Text with every space removed, for comparing a rendered block with segments: translations put
 * spaces between sentences and around Latin words inconsistently, and the rendered page may keep
 * or drop them.
 */
export function compactText(text: string): string {
  return text.replace(/\s+/g, '');
}
