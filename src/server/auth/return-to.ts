/** Where sign-in returns when no usable `returnTo` was given. */
export const DEFAULT_RETURN_TO = '/';

const LONGEST_RETURN_TO = 2048;

/**
 * A `returnTo` as a same-site path (path, query, fragment), or the default: never another origin,
 * so sign-in cannot be used to send a user elsewhere (`//evil.example`, `/\evil.example`,
 * `https://…`, `javascript:` all fall back). The path is resolved against the site's own origin
 * and kept only if it stays there.
 */
export function sameSitePath(returnTo: unknown, siteOrigin: string): string {
  if (typeof returnTo !== 'string' || returnTo.length > LONGEST_RETURN_TO) return DEFAULT_RETURN_TO;
  // Browsers read `\` as `/` and drop tabs and newlines in URLs; refuse them instead of guessing.
  if (!returnTo.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(returnTo))
    return DEFAULT_RETURN_TO;
  if (returnTo.startsWith('//')) return DEFAULT_RETURN_TO;
  let url: URL;
  try {
    url = new URL(returnTo, siteOrigin);
  } catch {
    return DEFAULT_RETURN_TO;
  }
  if (url.origin !== siteOrigin) return DEFAULT_RETURN_TO;
  return `${url.pathname}${url.search}${url.hash}`;
}
