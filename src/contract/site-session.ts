/*
 * What the site's pages and its server share about sign-in. No zod here: the page header's
 * script imports this, and it must stay a few bytes.
 */

/** The header that marks a request as made by the site's own script. */
export const REQUESTED_WITH_HEADER = 'X-Requested-With';

/**
 * The value of `X-Requested-With` the site's scripts send. With the proxy, a state-changing
 * request needs it and a same-origin `Origin`: a custom header forces a CORS preflight that the
 * site never grants, so another site cannot forge one with the user's session cookie.
 */
export const REQUESTED_WITH_SITE = 'partner-help';

/** The site server's sign-in routes (same-site paths), shared by the server and the page. */
export const AUTH_PATHS = {
  /** Starts sign-in; takes `returnTo`, a same-site path to come back to. */
  signIn: '/auth/sign-in',
  /** Where Microsoft Entra ID sends the browser back with the authorization code. */
  callback: '/auth/callback',
  /** Ends the session (POST, same-origin only). */
  signOut: '/auth/sign-out',
  /** Who is signed in, for the page header (GET). */
  session: '/auth/session',
} as const;

/** The answer of `GET /auth/session`. */
export interface SessionInfo {
  /** Whether a user is signed in. */
  signedIn: boolean;
  /** Display name of the signed-in user (the ID token's `name`, else `preferred_username`). */
  name?: string;
  /** The user's sign-in name, like `ada@contoso.onmicrosoft.com`. */
  username?: string;
  /** Present when the site signs users in (proxy mode): where sign-in starts. */
  signInUrl?: string;
}
