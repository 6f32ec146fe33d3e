/** localStorage key holding the URL folder of the language the reader last read in. */
export const rememberedLocaleKey = 'partner-help:locale';

/**
 * The inline script every page runs to remember its language (inline, so it runs even when the
 * reader leaves before the page's modules load). One function writes it, so the page and the
 * Content-Security-Policy hash of it always agree.
 */
export function rememberLocaleScript(folders: readonly string[]): string {
  return `try{var f=location.pathname.split('/')[1];if(${JSON.stringify(folders)}.includes(f))localStorage.setItem(${JSON.stringify(rememberedLocaleKey)},f)}catch(e){}`;
}

/**
 * Picks where `/` should send a reader: the language they last read in, else the first of their
 * browser's languages the site has (matching `ja` to `ja-JP`, `zh-Hant`/`zh-HK` to `zh-TW`), else
 * nothing, and the page's plain links stay.
 */
export function chooseLocaleFolder(
  remembered: string | null,
  browserLanguages: readonly string[],
  locales: readonly { folder: string; lang: string }[],
): string | undefined {
  if (remembered && locales.some((locale) => locale.folder === remembered)) return remembered;
  for (const tag of browserLanguages) {
    const wanted = tag.toLowerCase();
    const exact = locales.find((locale) => locale.lang.toLowerCase() === wanted);
    if (exact) return exact.folder;
    const [language, ...subtags] = wanted.split('-');
    if (language === 'zh') {
      // Traditional Chinese readers (Taiwan, Hong Kong, Macau, or script Hant) get zh-TW;
      // Simplified Chinese readers are better served by English than by the other script.
      const traditional = subtags.some((subtag) => ['hant', 'tw', 'hk', 'mo'].includes(subtag));
      if (!traditional) continue;
      const zhTw = locales.find((locale) => locale.lang.toLowerCase() === 'zh-tw');
      if (zhTw) return zhTw.folder;
      continue;
    }
    const sameLanguage = locales.find(
      (locale) => locale.lang.toLowerCase().split('-')[0] === language,
    );
    if (sameLanguage) return sameLanguage.folder;
  }
  return undefined;
}
