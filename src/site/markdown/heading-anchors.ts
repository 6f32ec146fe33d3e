import GithubSlugger from 'github-slugger';
import type { HastPluginEntry } from 'satteri';
import type { ContentFile } from './page-locale.ts';
import { contentFileOf } from './page-locale.ts';

/** Translates a UI string key for the page's language. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The `<a name="…">` Microsoft's sources put at the start of a heading. */
const anchorOpening = /^<a\s+name=["']([^"']+)["']\s*\/?>$/i;

/** Starlight's `link-alt` icon, the one its own heading links show. */
const linkIconPath =
  'm12.11 15.39-3.88 3.88a2.52 2.52 0 0 1-3.5 0 2.47 2.47 0 0 1 0-3.5l3.88-3.88a1 1 0 1 0-1.42-1.42l-3.88 3.89a4.48 4.48 0 0 0 6.33 6.33l3.89-3.88a1 1 0 0 0-1.42-1.42m8.58-12.08a4.49 4.49 0 0 0-6.33 0l-3.89 3.88a1 1 0 1 0 1.42 1.42l3.88-3.88a2.52 2.52 0 0 1 3.5 0 2.47 2.47 0 0 1 0 3.5l-3.88 3.88a1 1 0 0 0 0 1.42 1 1 0 0 0 1.42 0l3.88-3.89a4.49 4.49 0 0 0 0-6.33M8.83 15.17a1 1 0 0 0 .71.29 1 1 0 0 0 .71-.29l4.92-4.92a1 1 0 1 0-1.42-1.42l-4.92 4.92a1 1 0 0 0 0 1.42';

/**
 * Hast plugin for content pages: a heading that starts with `<a name="x"></a>` gets `id="x"`
 * (so `#update-customer-details` works in every language, where a slug of the Japanese text
 * would not), and every heading gets Starlight's anchor link with its accessible label in the
 * page's language — Starlight would label it in English because our content lives outside
 * `src/content/docs`.
 */
export function headingAnchorsPlugin(
  contentDirs: readonly string[],
  translate: (file: ContentFile) => Translate,
): HastPluginEntry {
  return ({ fileURL }) => {
    const file = contentFileOf(fileURL, contentDirs);
    if (!file) return undefined;
    const t = translate(file);
    // Same slugs as Astro's own heading ids, so headings without a source anchor keep the ids
    // Astro would give them and the table of contents still matches.
    const slugger = new GithubSlugger();
    return {
      name: 'partner-help-heading-anchors',
      element: {
        filter: ['h2', 'h3', 'h4', 'h5', 'h6'],
        visit(node, ctx) {
          let children = [...node.children];
          let id = node.properties?.['id'];
          const opening = children.findIndex(
            (child) => child.type === 'raw' && anchorOpening.test(child.value.trim()),
          );
          if (opening !== -1) {
            const openingNode = children[opening];
            id =
              openingNode?.type === 'raw' ? anchorOpening.exec(openingNode.value.trim())?.[1] : id;
            const closing = children[opening + 1];
            const drop = closing?.type === 'raw' && /^<\/a>$/i.test(closing.value.trim()) ? 2 : 1;
            children = children.filter((_, index) => index < opening || index >= opening + drop);
          }
          if (typeof id !== 'string' || id === '') id = slugger.slug(ctx.textContent(node).trim());
          else slugger.slug(id);
          const heading = { ...node, properties: { ...node.properties, id }, children };
          const label = t('heading.anchorLabel', {
            title: ctx.textContent(node).trim(),
            interpolation: { escapeValue: false },
          });
          return {
            type: 'element',
            tagName: 'div',
            properties: { class: `sl-heading-wrapper level-${node.tagName}` },
            children: [
              heading,
              {
                type: 'element',
                tagName: 'a',
                properties: { class: 'sl-anchor-link', href: `#${id}` },
                children: [
                  {
                    type: 'element',
                    tagName: 'span',
                    properties: { 'aria-hidden': 'true', class: 'sl-anchor-icon' },
                    children: [
                      {
                        type: 'element',
                        tagName: 'svg',
                        properties: {
                          width: '16',
                          height: '16',
                          viewBox: '0 0 24 24',
                          fill: 'currentColor',
                        },
                        children: [
                          {
                            type: 'element',
                            tagName: 'path',
                            properties: { d: linkIconPath },
                            children: [],
                          },
                        ],
                      },
                    ],
                  },
                  {
                    type: 'element',
                    tagName: 'span',
                    properties: { class: 'sr-only', 'data-pagefind-ignore': true },
                    children: [{ type: 'text', value: label }],
                  },
                ],
              },
            ],
          };
        },
      },
    };
  };
}
