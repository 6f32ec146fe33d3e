import * as z from 'zod/mini';
import { REQUESTED_WITH_HEADER } from './site-session.ts';

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
  /** Marks a request as the site's own script's (see `REQUESTED_WITH_SITE`). */
  requestedWith: REQUESTED_WITH_HEADER,
} as const;

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
