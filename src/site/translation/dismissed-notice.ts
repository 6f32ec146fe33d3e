/** localStorage key remembering that the reader dismissed the machine translation notice. */
export const dismissedNoticeKey = 'partner-help:mt-notice-dismissed';

/** The `<html>` attribute that hides a dismissed notice before it is ever painted. */
export const dismissedNoticeAttribute = 'data-mt-notice-dismissed';

/**
 * The inline script in every page's `<head>` that marks `<html>` when the reader has dismissed
 * the machine translation notice, so the stylesheet hides the notice from the first paint (the
 * page's module runs after the first paint, and the notice would flash). Starlight's theme
 * script does the same for dark mode. One function writes it, so the page and the
 * Content-Security-Policy hash of it always agree.
 */
export function dismissedNoticeScript(): string {
  return `try{if(localStorage.getItem(${JSON.stringify(dismissedNoticeKey)})==='1')document.documentElement.setAttribute(${JSON.stringify(dismissedNoticeAttribute)},'')}catch(e){}`;
}
