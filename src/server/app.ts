import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import cors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { HEADERS } from '../contract/index.ts';
import { answerClientError, apiError, sendApiError, toApiError } from './errors.ts';
import { FAULT_HEADER, FAULT_KEY_HEADER, FaultInjector } from './faults.ts';
import { utf8JsonParser } from './json-body.ts';
import { findNotFoundPages } from './not-found-pages.ts';
import { addressValidationRoutes } from './routes/address-validation.ts';
import { billingProfileRoutes } from './routes/billing-profile.ts';
import { countryRuleRoutes } from './routes/country-rules.ts';
import { customerRoutes } from './routes/customers.ts';
import {
  EARLY_ERROR_HEADERS,
  registerSecurityHeaders,
  setApiSecurityHeaders,
  siteHeaders,
} from './security-headers.ts';
import { registerCompression, setSiteCacheControl } from './site-caching.ts';
import { AccountStore } from './store.ts';
import { AccessTokens } from './auth/access-tokens.ts';
import { authRoutes } from './auth/auth-routes.ts';
import { EntraSignIn } from './auth/entra-sign-in.ts';
import { SessionCookie } from './auth/session-cookie.ts';
import { SessionStore } from './auth/session-store.ts';
import type { ProxyOptions } from './proxy/options.ts';
import { proxyRoutes } from './proxy/proxy-routes.ts';
import { AUTH_PATHS, type SessionInfo } from '../contract/index.ts';

/** Where the API is mounted. */
export const API_PREFIX = '/api';

/** Default database file, relative to the working directory. */
export const DEFAULT_DB_PATH = '.data/accounts.db';

/** Largest request body accepted; a billing profile is about 1 KB. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/** Largest request head (request line and headers) accepted; larger ones get a 431. */
export const MAX_HEADER_BYTES = 16 * 1024;

/**
 * Time a client has to send a whole request: a slow sender cannot hold a connection open for
 * ever. Longer than the proxy's upstream timeout is not needed: the answer's time is not counted.
 */
export const REQUEST_TIMEOUT_MS = 30_000;

/** How the server is put together; every field has a default, most come from the environment. */
export interface ServerOptions {
  /** Database file or `:memory:` (env `ACCOUNTS_DB`, default `.data/accounts.db`). */
  dbPath?: string;
  /** Use this store instead of opening `dbPath` (the caller closes it). */
  store?: AccountStore;
  /** Customers to seed into an empty database. */
  seedCount?: number;
  /** Built site to serve next to the API; `false` for the API alone (default `dist` if present). */
  siteDir?: string | false;
  /** Origins allowed to call the API from a browser (env `CORS_ORIGINS`, comma-separated, `*` for any). */
  corsOrigins?: readonly string[];
  /** When set, API calls need `Authorization: Bearer <token>`, any case (env `API_TOKEN`). */
  apiToken?: string | undefined;
  /** Enables the `X-Test-Fault` header (env `API_FAULTS=1`); never in production. */
  faults?: boolean;
  /** Request log: `true` writes one line per request to stdout, a function receives the lines. */
  log?: boolean | ((line: string) => void);
  /** Largest request body in bytes. */
  bodyLimit?: number;
  /**
   * Proxy mode (env `PARTNER_CENTER_API_URL` and the `ENTRA_*` variables): `/api` forwards to
   * Partner Center as the signed-in user instead of the embedded reference store.
   */
  proxy?: ProxyOptions;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** `MS-CorrelationId` of the request, or a new one; echoed on the response. */
    correlationId: string;
    /** Time the upstream took to answer a proxied call, in ms; `undefined` if not proxied. */
    upstreamMs: number | undefined;
  }
}

const CORRELATION_ID = /^[\w.:-]{1,128}$/;

/** The auth scheme and the space after it; schemes are case-insensitive (RFC 9110 §11.1). */
const BEARER = /^bearer +/i;

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * Whether `Authorization` carries the token. Comparing digests keeps the comparison
 * constant-time whatever the lengths, so timing tells nothing about the token.
 */
function tokenMatches(header: string | undefined, expectedDigest: Buffer): boolean {
  const value = header ?? '';
  const scheme = BEARER.exec(value);
  const presented = scheme ? value.slice(scheme[0].length) : '';
  return timingSafeEqual(sha256(presented), expectedDigest) && scheme !== null;
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** Takes the request's `MS-CorrelationId` (or makes one up) and echoes it and `MS-RequestId`. */
function correlate(request: FastifyRequest, reply: FastifyReply): void {
  const incoming = request.headers['ms-correlationid'];
  request.correlationId =
    typeof incoming === 'string' && CORRELATION_ID.test(incoming) ? incoming : randomUUID();
  reply.header(HEADERS.correlationId, request.correlationId);
  const requestId = request.headers['ms-requestid'];
  if (typeof requestId === 'string' && CORRELATION_ID.test(requestId))
    reply.header(HEADERS.requestId, requestId);
}

/** Answers any error in the error shape; details of a 500 go to stderr, never to the client. */
function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const apiErr = toApiError(error instanceof Error ? error : new Error(String(error)));
  if (apiErr.statusCode >= 500) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(
      `[server] ${request.method} ${pathOf(request.url)} ${request.correlationId}: ${detail}\n`,
    );
  }
  return sendApiError(reply, apiErr);
}

/**
 * What every `/api` has, whichever answers it: security headers and no caching on every answer,
 * JSON in UTF-8 only, and the error shape for anything unknown; `routes` adds the calls.
 */
async function registerApi(
  api: FastifyInstance,
  routes: (api: FastifyInstance) => Promise<void> | void,
): Promise<void> {
  // First, so that answers from the hooks below (CORS preflights, 401s) have these too.
  api.addHook('onRequest', (_request, reply, done) => {
    setApiSecurityHeaders(reply);
    reply.header('Cache-Control', 'no-store');
    done();
  });

  // The API only speaks JSON in UTF-8: without Fastify's text/plain parser anything else is a
  // 415, and its JSON parser gets only valid UTF-8.
  api.removeContentTypeParser(['text/plain', 'application/json']);
  api.addContentTypeParser('application/json', { parseAs: 'buffer' }, utf8JsonParser(api));

  api.setNotFoundHandler((_request, reply) => sendApiError(reply, apiError(404, 'notFound')));

  await routes(api);

  // Anything else under /api is an API 404, never the site's 404 page.
  const notFound = async () => {
    throw apiError(404, 'notFound');
  };
  api.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/*', handler: notFound });
  api.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/', handler: notFound });
}

/** The embedded reference server's API: the calls answered from the local store. */
async function referenceApi(
  api: FastifyInstance,
  store: AccountStore,
  options: ServerOptions,
): Promise<void> {
  const faults = options.faults ? new FaultInjector() : undefined;
  if (options.corsOrigins && options.corsOrigins.length > 0) {
    const origins = options.corsOrigins;
    await api.register(cors, {
      origin: origins.includes('*') ? true : [...origins],
      methods: ['GET', 'PUT', 'POST', 'OPTIONS'],
      allowedHeaders: [
        'Content-Type',
        'Authorization',
        HEADERS.ifMatch,
        HEADERS.requestId,
        HEADERS.correlationId,
        HEADERS.continuationToken,
        HEADERS.locale,
        HEADERS.requestedWith,
        'Accept',
        ...(faults ? [FAULT_HEADER, FAULT_KEY_HEADER] : []),
      ],
      exposedHeaders: [HEADERS.etag, HEADERS.correlationId, HEADERS.requestId, HEADERS.retryAfter],
      maxAge: 600,
    });
  }

  const tokenDigest = options.apiToken ? sha256(options.apiToken) : undefined;
  api.addHook('onRequest', async (request, reply) => {
    if (
      tokenDigest &&
      request.method !== 'OPTIONS' &&
      !tokenMatches(request.headers.authorization, tokenDigest)
    ) {
      return sendApiError(
        reply,
        apiError(401, 'unauthorized', { headers: { 'WWW-Authenticate': 'Bearer' } }),
      );
    }
    if (faults && (await faults.before(request, reply))) return reply;
    return undefined;
  });

  if (faults) {
    api.addHook('onSend', async (request, reply, payload) => {
      if (reply.statusCode < 300 && faults.failAfterCommit(request)) {
        const failure = toApiError(apiError(500, 'internal'));
        reply.code(500).removeHeader(HEADERS.etag);
        return JSON.stringify(failure.body);
      }
      return payload;
    });
  }

  customerRoutes(api, store);
  billingProfileRoutes(api, store);
  countryRuleRoutes(api);
  addressValidationRoutes(api);
}

/**
 * Proxy mode: sign-in routes under `/auth` and an `/api` that forwards to Partner Center as the
 * signed-in user.
 */
async function registerProxy(
  app: FastifyInstance,
  proxy: ProxyOptions,
  log: (line: string) => void,
): Promise<void> {
  const now = proxy.now ?? Date.now;
  const sessions = new SessionStore({ now });
  const cookie = new SessionCookie(sessions, proxy.siteUrl);
  await cookie.register(app, proxy.sessionSecret);
  const signIn = new EntraSignIn({
    ...proxy.entra,
    redirectUri: `${proxy.siteUrl}${AUTH_PATHS.callback}`,
    now,
  });
  const tokens = new AccessTokens({ signIn, sessions, now, log });
  authRoutes(app, { signIn, sessions, cookie, tokens, siteUrl: proxy.siteUrl, log });
  await app.register(
    async (api) =>
      registerApi(api, () =>
        proxyRoutes(api, {
          upstream: proxy.upstream,
          siteUrl: proxy.siteUrl,
          cookie,
          tokens,
          ...(proxy.upstreamTimeoutMs ? { upstreamTimeoutMs: proxy.upstreamTimeoutMs } : {}),
        }),
      ),
    { prefix: API_PREFIX },
  );
}

async function registerSite(app: FastifyInstance, siteDir: string): Promise<void> {
  const root = resolve(siteDir);
  const notFoundPages = findNotFoundPages(root);
  const securityHeaders = siteHeaders(root);
  await app.register(fastifyStatic, {
    root,
    index: 'index.html',
    redirect: true,
    wildcard: true,
    // Our own Cache-Control per file (site-caching.ts); ETags stay on for revalidation.
    cacheControl: false,
    etag: true,
    setHeaders: (reply, path, stat) => {
      setSiteCacheControl(reply, path);
      securityHeaders(reply, path, stat);
    },
    // A language's 404 page is sent for unknown addresses, never as a page of its own with 200.
    allowedPath: (pathname) => !notFoundPages.isNotFoundPage(pathname),
  });
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const page = notFoundPages.pageFor(new URL(request.url, 'http://site').pathname);
    if (page) return reply.code(404).sendFile(page);
    return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
  });
}

/**
 * Builds the Fastify app: the API under `/api` and, when given a built site, the site. Returns
 * the store so callers can close it with the app.
 */
export async function createApp(
  options: ServerOptions = {},
): Promise<{ app: FastifyInstance; store: AccountStore | undefined }> {
  // Proxy mode has no store: Partner Center holds the data.
  const store = options.proxy
    ? undefined
    : (options.store ?? new AccountStore(options.dbPath ?? DEFAULT_DB_PATH));
  store?.seedIfEmpty(options.seedCount);
  store?.pruneRequestLog();

  const log =
    options.log === true
      ? (line: string) => process.stdout.write(`${line}\n`)
      : options.log || undefined;
  // One line per request; a proxied call's adds the upstream's time. Never a header or a body.
  const logLine = (request: FastifyRequest, reply: FastifyReply) => {
    const upstream = request.upstreamMs;
    log?.(
      `${request.method} ${pathOf(request.url)} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms${upstream === undefined ? '' : ` upstream ${upstream.toFixed(1)}ms`} ${request.correlationId}`,
    );
  };

  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    requestTimeout: REQUEST_TIMEOUT_MS,
    // Node's HTTP parser refuses some requests (a 431 for headers over the limit) before Fastify
    // sees them; they are answered on the socket.
    clientErrorHandler: answerClientError,
    // A URL Fastify cannot decode is refused before routing, so no hook runs for it.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      correlate(request, reply);
      reply.headers(EARLY_ERROR_HEADERS);
      sendError(error, request, reply);
      logLine(request, reply);
    },
  });
  app.decorateRequest('correlationId', '');
  app.decorateRequest('upstreamMs', undefined);
  await registerSecurityHeaders(app);
  await registerCompression(app);

  app.addHook('onRequest', async (request, reply) => correlate(request, reply));
  if (log) app.addHook('onResponse', async (request, reply) => logLine(request, reply));
  app.setErrorHandler(sendError);

  if (options.proxy) {
    await registerProxy(app, options.proxy, log ?? ((line) => process.stderr.write(`${line}\n`)));
  } else if (store) {
    await app.register(async (api) => registerApi(api, () => referenceApi(api, store, options)), {
      prefix: API_PREFIX,
    });
    // Nobody signs in to the reference server; the page header asks, and shows nothing.
    const nobody: SessionInfo = { signedIn: false };
    app.get(AUTH_PATHS.session, async (_request, reply) =>
      reply.header('Cache-Control', 'no-store').send(nobody),
    );
  }

  const siteDir =
    options.siteDir === undefined
      ? existsSync('dist/index.html')
        ? 'dist'
        : false
      : options.siteDir;
  if (siteDir) {
    await registerSite(app, siteDir);
  } else {
    app.setNotFoundHandler((_request, reply) => sendApiError(reply, apiError(404, 'notFound')));
  }
  if (store && !options.store) app.addHook('onClose', async () => store.close());
  return { app, store };
}

/** A started server. */
export interface RunningServer {
  app: FastifyInstance;
  /** The embedded reference store; `undefined` in proxy mode. */
  store: AccountStore | undefined;
  /** Origin, like `http://127.0.0.1:4321`. */
  url: string;
  /** Base URL of the API, like `http://127.0.0.1:4321/api`. */
  apiUrl: string;
  close(): Promise<void>;
}

/** Builds the app and listens; port 0 picks a free port (what tests use). */
export async function createServer(
  options: ServerOptions & { host?: string; port?: number } = {},
): Promise<RunningServer> {
  const { app, store } = await createApp(options);
  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  return { app, store, url, apiUrl: `${url}${API_PREFIX}`, close: () => app.close() };
}
