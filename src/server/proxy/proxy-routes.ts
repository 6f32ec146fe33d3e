import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_PATHS, AUTH_PATHS, HEADERS } from '../../contract/index.ts';
import type { AccessTokens } from '../auth/access-tokens.ts';
import { isSameOriginRequest, isStateChanging } from '../auth/same-origin.ts';
import type { SessionCookie } from '../auth/session-cookie.ts';
import { apiError, ApiHttpError, sendApiError } from '../errors.ts';

/** Default time an upstream call may take. */
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 30_000;

/** What the proxy works with. */
export interface ProxyRouteOptions {
  /** Partner Center's base URL, without a trailing slash. */
  upstream: string;
  siteUrl: string;
  cookie: SessionCookie;
  tokens: AccessTokens;
  upstreamTimeoutMs?: number;
}

/** Partner Center's customer ids are GUIDs; nothing else (no `..`, no `/`) reaches its paths. */
const CUSTOMER_ID = /^[0-9A-Za-z-]{1,64}$/;
const COUNTRY = /^[A-Za-z]{2}$/;
/** Header values passed on only when they look like what the widget sends. */
const TOKEN_LIKE = /^[\w.:=+/-]{1,512}$/;
/** `X-Locale` when neither the widget nor the browser names a language with a region. */
const DEFAULT_LOCALE = 'en-US';
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;
/** Query parameters of the customer list the widget uses (contract `customerListQuery`). */
const LIST_QUERY = ['size', 'filter', 'seekOperation'] as const;

/** Headers of the widget's request passed on as they are, when they look right. */
const PASSED_REQUEST_HEADERS: readonly (readonly [name: string, pattern: RegExp])[] = [
  [HEADERS.ifMatch, /^[\x21-\x7e]{1,256}$/],
  [HEADERS.requestId, TOKEN_LIKE],
  [HEADERS.continuationToken, /^[\x21-\x7e]{1,4096}$/],
  [HEADERS.locale, LANGUAGE_TAG],
];

/** Headers of the upstream's answer the widget may see; nothing else (no cookies) comes back. */
const PASSED_RESPONSE_HEADERS = [HEADERS.etag, HEADERS.retryAfter, HEADERS.continuationToken];

/** The same-site path the 401 names; the widget adds `returnTo`. */
const SIGN_IN_REQUIRED = () => {
  const error = apiError(401, 'signInRequired');
  error.body.signInUrl = AUTH_PATHS.signIn;
  return error;
};

function upstreamPathOf(request: FastifyRequest): string | undefined {
  const params = request.params as Record<string, string>;
  const id = params['id'];
  const country = params['country'];
  const route = request.routeOptions.url ?? '';
  if (id !== undefined && !CUSTOMER_ID.test(id)) return undefined;
  if (country !== undefined && !COUNTRY.test(country)) return undefined;
  if (route.endsWith('/profiles/billing')) return API_PATHS.billingProfile(id!);
  if (route.endsWith('/:id')) return API_PATHS.customer(id!);
  if (route.endsWith('/:country')) return API_PATHS.countryRules(country!.toUpperCase());
  if (route.endsWith('/validations/address')) return API_PATHS.addressValidation();
  const query = new URLSearchParams();
  const given = request.query as Record<string, unknown>;
  for (const name of LIST_QUERY) {
    if (typeof given[name] === 'string') query.set(name, given[name]);
  }
  const search = query.toString();
  return `${API_PATHS.customers()}${search ? `?${search}` : ''}`;
}

/** The browser's first language as a locale for `X-Locale`, or `en-US`. */
function localeOf(acceptLanguage: string | undefined): string {
  const first = (acceptLanguage ?? '').split(',')[0]?.split(';')[0]?.trim() ?? '';
  return LANGUAGE_TAG.test(first) && first.includes('-') ? first : DEFAULT_LOCALE;
}

function upstreamHeaders(request: FastifyRequest, accessToken: string): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    [HEADERS.authorization]: `Bearer ${accessToken}`,
    [HEADERS.correlationId]: request.correlationId,
  };
  for (const [name, pattern] of PASSED_REQUEST_HEADERS) {
    const value = request.headers[name.toLowerCase()];
    if (typeof value === 'string' && pattern.test(value)) headers[name] = value;
  }
  // Partner Center documents both on every call: a caller that sent none still gets them.
  headers[HEADERS.requestId] ??= randomUUID();
  headers[HEADERS.locale] ??= localeOf(request.headers['accept-language']);
  if (request.body !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8';
  return headers;
}

/** What the widget gets for an upstream answer that is not JSON (a gateway's HTML page). */
function errorForStatus(status: number, headers: Headers): ApiHttpError {
  const retryAfter = headers.get(HEADERS.retryAfter);
  const extra = retryAfter ? { headers: { [HEADERS.retryAfter]: retryAfter } } : {};
  if (status === 429) return apiError(429, 'tooManyRequests', extra);
  if (status === 503) return apiError(503, 'serviceUnavailable', extra);
  if (status >= 500) return apiError(status, 'internal', extra);
  if (status === 404) return apiError(404, 'notFound');
  return apiError(status, 'badRequest');
}

async function forward(
  request: FastifyRequest,
  reply: FastifyReply,
  options: ProxyRouteOptions,
): Promise<FastifyReply> {
  const path = upstreamPathOf(request);
  if (!path) throw apiError(404, 'notFound');
  const session = options.cookie.sessionOf(request);
  const accessToken = session ? await options.tokens.accessToken(session) : undefined;
  if (!session || !accessToken) {
    options.cookie.clear(reply);
    throw SIGN_IN_REQUIRED();
  }
  const started = performance.now();
  let response: Response;
  let body: Buffer;
  try {
    // One attempt, whatever the method: the widget retries what is safe to retry, with the same
    // MS-RequestId, and Partner Center applies a request id at most once.
    response = await fetch(`${options.upstream}${path}`, {
      method: request.method,
      headers: upstreamHeaders(request, accessToken),
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      redirect: 'manual',
      signal: AbortSignal.timeout(options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS),
    });
    body = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    request.upstreamMs = performance.now() - started;
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw apiError(timedOut ? 504 : 502, 'serviceUnavailable');
  }
  request.upstreamMs = performance.now() - started;

  if (response.status === 401) {
    // Partner Center no longer takes this user's token (revoked, or the user lost access).
    options.tokens.signOut(session);
    options.cookie.clear(reply);
    throw SIGN_IN_REQUIRED();
  }
  for (const name of PASSED_RESPONSE_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) reply.header(name, value);
  }
  const isJson = /^application\/([\w.+-]*\+)?json\b/i.test(
    response.headers.get('content-type') ?? '',
  );
  if (response.status >= 300 && response.status < 400) {
    return sendApiError(reply, apiError(502, 'serviceUnavailable'));
  }
  if (!response.ok && (!isJson || body.length === 0))
    return sendApiError(reply, errorForStatus(response.status, response.headers));
  if (body.length > 0 && !isJson) return sendApiError(reply, apiError(502, 'serviceUnavailable'));
  reply.code(response.status);
  if (body.length === 0) return reply.send();
  return reply.type('application/json; charset=utf-8').send(body);
}

/**
 * Proxy mode's `/api`: only the calls the widget makes, forwarded to Partner Center as the
 * signed-in user (`Authorization: Bearer <their token>`), with `MS-CorrelationId`, `X-Locale`,
 * `MS-RequestId`, and without the browser's cookies or any other header. A state-changing call
 * must come from the site's own page (403 otherwise); without a session the answer is 401 with
 * the sign-in URL. Upstream answers pass through as they are, 429 with `Retry-After` and 5xx too.
 */
export function proxyRoutes(api: FastifyInstance, options: ProxyRouteOptions): void {
  api.addHook('onRequest', async (request, reply) => {
    if (isStateChanging(request.method) && !isSameOriginRequest(request, options.siteUrl)) {
      return sendApiError(reply, apiError(403, 'crossSiteRequest'));
    }
    return undefined;
  });
  const handler = (request: FastifyRequest, reply: FastifyReply) =>
    forward(request, reply, options);
  api.get('/v1/customers', handler);
  api.get('/v1/customers/:id', handler);
  api.get('/v1/customers/:id/profiles/billing', handler);
  api.put('/v1/customers/:id/profiles/billing', handler);
  api.get('/v1/countryvalidationrules/:country', handler);
  api.post('/v1/validations/address', handler);
}
