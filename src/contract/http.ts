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

/** A header a client must send when following a link. */
export const LinkHeaderSchema = z.object({
  /** Header name, like `MS-ContinuationToken`. */
  key: z.string(),
  /** Header value. */
  value: z.string(),
});

/** A link to a related request, in Partner Center's shape. */
export const LinkSchema = z.object({
  /** Path of the request, relative to the endpoint's base URL. */
  uri: z.string(),
  /** HTTP method of the request. */
  method: z.string(),
  /** Headers the request must carry. */
  headers: z.array(LinkHeaderSchema),
});

/** A link to a related request. */
export type Link = z.infer<typeof LinkSchema>;

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
