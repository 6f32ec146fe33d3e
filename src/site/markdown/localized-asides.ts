import type { MdastPluginEntry } from 'satteri';
import { contentFileOf, type ContentFile } from './page-locale.ts';
import type { Translate } from './heading-anchors.ts';

/** The aside kinds Starlight styles (`:::note`, `:::tip`, `:::caution`, `:::danger`). */
const asideKinds = new Set(['note', 'tip', 'caution', 'danger']);

/**
 * Mdast plugin, to run before Starlight's asides: gives every untitled `:::note` etc. of a
 * content page the title in the page's language. Starlight would title it in English, because it
 * guesses a page's language from a path below `src/content/docs` and ours live in `content/`.
 */
export function localizedAsidesPlugin(
  contentDirs: readonly string[],
  translate: (file: ContentFile) => Translate,
): MdastPluginEntry {
  return ({ fileURL }) => {
    const file = contentFileOf(fileURL, contentDirs);
    if (!file) return undefined;
    const t = translate(file);
    return {
      name: 'partner-help-localized-asides',
      containerDirective(node, ctx) {
        if (!asideKinds.has(node.name)) return;
        const first = node.children[0];
        if (first?.type === 'paragraph' && first.data && 'directiveLabel' in first.data) return;
        ctx.prependChild(node, {
          type: 'paragraph',
          data: { directiveLabel: true },
          children: [{ type: 'text', value: t(`aside.${node.name}`) }],
        });
      },
    };
  };
}
