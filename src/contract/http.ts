import * as z from 'zod/mini';

/** Header names the API reads and writes. */
export const HEADERS = {
  etag: 'ETag',
  ifMatch: 'If-Match',
  requestId: 'MS-RequestId',
  correlationId: 'MS-CorrelationId',
  continuationToken: 'MS-ContinuationToken',
  retryAfter: 'Retry-After',
  authorization: 'Authorization',
  locale: 'X-Locale',
  /** Marks a request as the site's own script's; a cross-site form or link cannot send it. */
  requestedWith: 'X-Requested-With',
} as const;

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

/** Default number of customers per page. */
export const DEFAULT_PAGE_SIZE = 20;

/** Largest page the API returns; a bigger `size` is a 400. */
export const MAX_PAGE_SIZE = 500;

/** Paths relative to the endpoint's base URL (the reference server mounts them at `/api`). */
export const API_PATHS = {
  customers: () => '/v1/customers',
  customer: (id: string) => `/v1/customers/${encodeURIComponent(id)}`,
  billingProfile: (id: string) => `/v1/customers/${encodeURIComponent(id)}/profiles/billing`,
  countryRules: (iso2: string) => `/v1/countryvalidationrules/${encodeURIComponent(iso2)}`,
  addressValidation: () => '/v1/validations/address',
} as const;

/**
 * A header a client must send when following a link (`KeyValuePair[String,String]` in Swagger).
 * https://learn.microsoft.com/en-us/partner-center/developer/utility-resources#link
 */
export const LinkHeaderSchema = z.looseObject({
  /** Header name, like `MS-ContinuationToken`. */
  key: z.string(),
  /** Header value. */
  value: z.string(),
});

/**
 * A link to a related request (Swagger `Link`).
 * https://learn.microsoft.com/en-us/partner-center/developer/utility-resources#link
 */
export const LinkSchema = z.looseObject({
  /** Path of the request, relative to the endpoint's base URL. */
  uri: z.string(),
  /** HTTP method of the request. */
  method: z.optional(z.string()),
  /** Headers the request must carry. */
  headers: z.optional(z.array(LinkHeaderSchema)),
  /** Body of the request, when it has one. */
  body: z.optional(z.nullable(z.string())),
});

/** A link to a related request. */
export type Link = z.infer<typeof LinkSchema>;

/**
 * The links of a resource (Swagger `ResourceLinks`); the service may leave any out.
 * https://learn.microsoft.com/en-us/partner-center/developer/utility-resources#resourcelinks
 */
export const ResourceLinksSchema = z.looseObject({
  /** The resource itself. */
  self: z.optional(LinkSchema),
  /** The next page of a collection. */
  next: z.optional(LinkSchema),
  /** The previous page of a collection. */
  previous: z.optional(LinkSchema),
});

/**
 * The metadata of a resource (Swagger `ResourceAttributes`).
 * https://learn.microsoft.com/en-us/partner-center/developer/utility-resources#resourceattributes
 */
export const ResourceAttributesSchema = z.looseObject({
  /** Version tag, on resources that can be updated. */
  etag: z.optional(z.string()),
  /** Object type marker, like `Customer`. */
  objectType: z.optional(z.string()),
});

/** Formats an ETag value as the quoted string HTTP headers carry. */
export function quoteEtag(etag: string): string {
  return `"${etag}"`;
}

/** Reads the ETag out of an `If-Match` or `ETag` header (`"abc"`, `W/"abc"` or bare `abc`). */
export function unquoteEtag(header: string): string {
  return header
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1');
}
