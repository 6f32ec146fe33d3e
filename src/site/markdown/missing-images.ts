import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MdastPluginEntry } from 'satteri';
import { publicArticleUrl } from '../locales.ts';
import type { Translate } from './heading-anchors.ts';
import { contentFileOf, type ContentFile } from './page-locale.ts';

/** An image address that is a file beside the article (not a URL, not site-absolute). */
const localImage = /^(?![a-z][a-z0-9+.-]*:|\/|#)/i;

/** Class names of the box, the only ones the article sanitizer lets through for it. */
export const missingImageClasses = {
  box: 'missing-image',
  label: 'missing-image__label',
  alt: 'missing-image__alt',
} as const;

/**
 * Mdast plugin, to run before Astro collects images: an image of a content page whose file is not
 * beside the article (Microsoft's localized repositories do not ship them) becomes a labelled box
 * in the page's language with the image's alt text and a link to the article's public page, where
 * the image is. A broken image or an empty grey square would tell the reader nothing.
 */
export function missingImagesPlugin(
  contentDirs: readonly string[],
  translate: (file: ContentFile) => Translate,
): MdastPluginEntry {
  return ({ fileURL }) => {
    const file = contentFileOf(fileURL, contentDirs);
    if (!file || !fileURL) return undefined;
    const t = translate(file);
    const folder = dirname(typeof fileURL === 'string' ? fileURL : fileURLToPath(fileURL));
    const publicUrl = publicArticleUrl(file.path.replace(/\.md$/i, ''), file.locale);
    return {
      name: 'partner-help-missing-images',
      image(node, ctx) {
        if (!localImage.test(node.url)) return;
        let path: string;
        try {
          path = join(folder, decodeURI(node.url.split(/[?#]/)[0] ?? ''));
        } catch {
          path = join(folder, node.url);
        }
        if (existsSync(path)) return;
        const alt = (node.alt ?? '').trim();
        // A link inside a link is invalid HTML: inside one, the box keeps its text only.
        const inLink = ctx.parent(node)?.type === 'link';
        ctx.replaceNode(node, {
          type: 'emphasis',
          data: { hName: 'span', hProperties: { className: [missingImageClasses.box] } },
          children: [
            {
              type: 'strong',
              data: { hName: 'span', hProperties: { className: [missingImageClasses.label] } },
              children: [{ type: 'text', value: t('site.missingImage.label') }],
            },
            ...(alt
              ? [
                  {
                    type: 'emphasis' as const,
                    data: { hName: 'span', hProperties: { className: [missingImageClasses.alt] } },
                    children: [{ type: 'text' as const, value: alt }],
                  },
                ]
              : []),
            ...(publicUrl && !inLink
              ? [
                  {
                    type: 'link' as const,
                    url: publicUrl,
                    data: { hProperties: { hreflang: file.locale.lang } },
                    children: [{ type: 'text' as const, value: t('site.missingImage.link') }],
                  },
                ]
              : []),
          ],
        });
      },
    };
  };
}
