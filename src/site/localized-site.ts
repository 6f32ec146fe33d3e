import type { StarlightPlugin } from '@astrojs/starlight/types';
import type { HastPluginEntry, MdastPluginEntry } from 'satteri';
import { readUiStrings } from './locale-files.ts';
import { articleLinksPlugin } from './markdown/article-links.ts';
import { headingAnchorsPlugin, type Translate } from './markdown/heading-anchors.ts';
import { localizedAsidesPlugin } from './markdown/localized-asides.ts';
import { missingImagesPlugin } from './markdown/missing-images.ts';
import { contentFileOf, type ContentFile } from './markdown/page-locale.ts';

/** Folders the site is built from. */
export interface LocalizedSiteOptions {
  /** Absolute paths of the content folders (`content/`, and test pages in test builds). */
  readonly contentDirs: readonly string[];
  /** Absolute path of `locales/`. */
  readonly localesDir: string;
}

/** What `astro.config.mjs` plugs in: a Starlight plugin and Markdown plugins that share its strings. */
export interface LocalizedSite {
  readonly starlightPlugin: StarlightPlugin;
  readonly mdastPlugins: MdastPluginEntry[];
  readonly hastPlugins: HastPluginEntry[];
  /**
   * Expressive Code's `getBlockLocale`: the language of a code block's UI ("Copy to clipboard")
   * is its page's. Starlight guesses it from a path below `src/content/docs`, and ours live in
   * `content/`, so every code block would speak English.
   */
  readonly codeBlockLang: (block: { file: { path?: string | undefined } }) => string | undefined;
}

/**
 * Wires `locales/` into Starlight and makes content pages speak their own language.
 *
 * The Starlight plugin injects `locales/<lang>/starlight.json` and `site.json` into Starlight's
 * translation system (so `Astro.locals.t` knows our strings and our better wording of Starlight's)
 * and keeps Starlight's `useTranslations`; the Markdown plugins, which must run before Starlight's
 * own, use it to title asides and label heading links in the page's language.
 */
export function localizedSite({ contentDirs, localesDir }: LocalizedSiteOptions): LocalizedSite {
  let useTranslations: ((lang: string) => Translate) | undefined;
  const translate = (file: ContentFile): Translate => {
    if (!useTranslations) {
      throw new Error(
        'partner-help: Markdown was rendered before Starlight set up its translations',
      );
    }
    return useTranslations(file.locale.lang);
  };
  const starlightPlugin: StarlightPlugin = {
    name: 'partner-help-localized-site',
    hooks: {
      'i18n:setup'({ injectTranslations }) {
        injectTranslations(readUiStrings(localesDir));
      },
      'config:setup'(options) {
        useTranslations = (lang) => options.useTranslations(lang) as unknown as Translate;
      },
    },
  };
  return {
    starlightPlugin,
    mdastPlugins: [
      localizedAsidesPlugin(contentDirs, translate),
      missingImagesPlugin(contentDirs, translate),
    ],
    hastPlugins: [headingAnchorsPlugin(contentDirs, translate), articleLinksPlugin(contentDirs)],
    codeBlockLang: ({ file }) => contentFileOf(file.path, contentDirs)?.locale.lang,
  };
}
