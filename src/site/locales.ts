/** One language the site is published in. */
export interface SiteLocale {
  /** URL folder and content folder, e.g. `ja-jp`. */
  readonly folder: string;
  /** BCP-47 language tag for `<html lang>`, hreflang and Intl, e.g. `ja-JP`. */
  readonly lang: string;
  /** The language's name in that language, for the language switcher. */
  readonly label: string;
  /** Locale segment of the article's public page on learn.microsoft.com. */
  readonly learnLocale: string;
  /** The product's name in this language, shown after every page title. */
  readonly siteTitle: string;
}

/** The site's languages; English is the default and the source of every translation. */
export const siteLocales = [
  { folder: 'en', lang: 'en', label: 'English', learnLocale: 'en-us', siteTitle: 'Partner Center' },
  {
    folder: 'ja-jp',
    lang: 'ja-JP',
    label: '日本語',
    learnLocale: 'ja-jp',
    siteTitle: 'パートナー センター',
  },
  {
    folder: 'zh-tw',
    lang: 'zh-TW',
    label: '繁體中文',
    learnLocale: 'zh-tw',
    siteTitle: '合作夥伴中心',
  },
] as const satisfies readonly SiteLocale[];

/** The locale every other locale falls back to. */
export const defaultLocale: SiteLocale = siteLocales[0];

/** Finds a locale by its URL/content folder (`ja-jp`), or `undefined`. */
export function localeByFolder(folder: string): SiteLocale | undefined {
  return siteLocales.find((locale) => locale.folder === folder);
}

/** Finds a locale by its BCP-47 tag, ignoring case (`ja-jp` and `ja-JP` both match). */
export function localeByLang(lang: string): SiteLocale | undefined {
  const wanted = lang.toLowerCase();
  return siteLocales.find((locale) => locale.lang.toLowerCase() === wanted);
}

/**
 * Public base URL of articles the site does not publish, per product folder. `{locale}` is
 * replaced by the locale's `learnLocale`. A relative `.md` link to an article we do not have
 * points there, so a reader never lands on a 404.
 */
export const publicArticleBases: Readonly<Record<string, string>> = {
  'partner-center': 'https://learn.microsoft.com/{locale}/partner-center/',
};

/**
 * The public page of an article (`partner-center/foo`, path below the locale folder, no `.md`)
 * in a locale, or `undefined` when its product folder has no public base.
 */
export function publicArticleUrl(articlePath: string, locale: SiteLocale): string | undefined {
  const [product, ...rest] = articlePath.split('/');
  const base = publicArticleBases[product ?? ''];
  if (!base || rest.length === 0) return undefined;
  return `${base.replace('{locale}', locale.learnLocale)}${rest.join('/').toLowerCase()}`;
}
