/** The origin canonical and hreflang addresses use when `SITE_URL` is not set: the local server. */
export const localSiteUrl = 'http://localhost:4321';

/** The public origin of the site, and a warning when a production build would publish localhost. */
export interface SiteUrl {
  readonly url: string;
  readonly warning?: string;
}

/**
 * Reads `SITE_URL`. Canonical links, hreflang alternates and the sitemap are absolute, so a
 * production build (`astro build` without test pages or another content folder) that keeps the
 * local origin would tell search engines the pages live on localhost: say so, naming the variable.
 */
export function siteUrl(env: Record<string, string | undefined>, argv: readonly string[]): SiteUrl {
  const url = env['SITE_URL'] || localSiteUrl;
  const hostname = new URL(url).hostname;
  const productionBuild =
    argv.includes('build') && env['INCLUDE_TEST_PAGES'] !== '1' && !env['CONTENT_DIR'];
  if (productionBuild && ['localhost', '127.0.0.1', '[::1]'].includes(hostname)) {
    return {
      url,
      warning: `SITE_URL is ${env['SITE_URL'] ? `"${url}"` : `not set (using ${url})`}: canonical links, hreflang and the sitemap of this build point to localhost. Set SITE_URL=https://your.public.host for a production build.`,
    };
  }
  return { url };
}
