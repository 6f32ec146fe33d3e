import { toHtml } from 'hast-util-to-html';

/** "Page not found" in one language. */
export interface LocalizedTitle {
  /** BCP-47 tag of the text. */
  readonly lang: string;
  /** The title in that language. */
  readonly text: string;
}

/** The separator between the languages of a title that says the same thing in several. */
const separator = ' / ';

/**
 * A title in several languages: as plain text (for `<title>`) and as HTML with each language in
 * its own `<span lang>` (for Starlight's hero heading, which takes HTML), so a screen reader
 * speaks each part with the right voice. The texts come from locale files that translators edit,
 * so they are escaped, never taken as markup.
 */
export function notFoundTitle(titles: readonly LocalizedTitle[]): { text: string; html: string } {
  const shown = titles.filter((title) => title.text !== '');
  return {
    text: shown.map((title) => title.text).join(separator),
    html: toHtml(
      shown.flatMap((title, index) => [
        ...(index > 0 ? [{ type: 'text' as const, value: separator }] : []),
        {
          type: 'element' as const,
          tagName: 'span',
          properties: { lang: title.lang },
          children: [{ type: 'text' as const, value: title.text }],
        },
      ]),
    ),
  };
}
