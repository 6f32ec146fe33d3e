/** How the site signs users in with Microsoft Entra ID (from the `ENTRA_*` variables). */
export interface EntraOptions {
  /** Issuer, like `https://login.microsoftonline.com/<tenant>/v2.0`; discovery is read below it. */
  issuer: string;
  /** The app registration's Application (client) ID. */
  clientId: string;
  /** A client secret of the app registration. */
  clientSecret: string;
}

/** Proxy mode: `/api/*` forwards to Partner Center as the signed-in user. */
export interface ProxyOptions {
  /** Partner Center's base URL, like `https://api.partnercenter.microsoft.com` (no trailing /). */
  upstream: string;
  /** The site's public origin, like `https://help.contoso.com`; the redirect URI lives below it. */
  siteUrl: string;
  /** Signs the session cookie. */
  sessionSecret: string;
  /** Sign-in. */
  entra: EntraOptions;
  /** Give up on an upstream call after this many milliseconds (default 30 s). */
  upstreamTimeoutMs?: number;
  /** The clock, in milliseconds (tests move it). */
  now?: () => number;
}
