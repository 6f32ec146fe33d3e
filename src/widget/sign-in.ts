/**
 * Where the "Sign in" button goes when the endpoint answers 401 with a `signInUrl`
 * (`signInRequired`, 70010). The URL comes from the API, which is untrusted: only a path on this
 * page's own origin is followed, never another origin or scheme (`//evil.example`,
 * `javascript:`), so a compromised or confused endpoint cannot send a partner elsewhere.
 */

/** The query parameter that tells the server where to come back to after sign-in. */
export const RETURN_TO_PARAM = 'returnTo';

/**
 * The sign-in link for `signInUrl` with `returnTo` added, as a same-origin path; `undefined`
 * when `signInUrl` is not a path on `origin`.
 */
export function signInHref(
  signInUrl: string | undefined,
  returnTo: string,
  origin: string,
): string | undefined {
  // A path, not `//host` or `/\host` (which browsers read as another host).
  if (!signInUrl || !/^\/(?![/\\])/.test(signInUrl)) return undefined;
  let url: URL;
  try {
    url = new URL(signInUrl, origin);
  } catch {
    return undefined;
  }
  // Tabs and newlines are dropped by the URL parser, so `/\t/evil.example` gets this far.
  if (url.origin !== origin) return undefined;
  url.searchParams.set(RETURN_TO_PARAM, returnTo);
  return `${url.pathname}${url.search}${url.hash}`;
}
