import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Stats } from 'node:fs';
import { resolve, sep } from 'node:path';
import { PagePolicies } from './page-policy.ts';

/** What a request from this server's pages tells other origins about where it came from. */
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';

/** The Content-Security-Policy of every API answer: JSON, never rendered, never framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** The Content-Security-Policy of files that are not pages (scripts, styles, images…). */
export const FILE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'self'";

/**
 * The Content-Security-Policy of the site's scripts. A script file's own policy governs it when it
 * runs as a worker (Pagefind searches in one): it may fetch the site's files and compile
 * WebAssembly, as the pages' policy allows, and nothing more.
 */
export const SCRIPT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; frame-ancestors 'self'";

/** Headers an API answer has on top of those every response has. */
const API_HEADERS = {
  'content-security-policy': API_CONTENT_SECURITY_POLICY,
  'x-frame-options': 'DENY',
} as const;

/**
 * Headers of an error answered before any hook runs (a URL Fastify cannot decode, a request
 * Node's HTTP parser refuses): the API's, and those of helmet's that matter for a JSON answer.
 */
export const EARLY_ERROR_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': REFERRER_POLICY,
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
  ...API_HEADERS,
};

/**
 * Headers every response gets: helmet's, configured one by one, and a default policy for
 * anything that is neither an API answer nor a page; the API's hook and the site's
 * `setHeaders` replace that policy with theirs.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    // Set per response instead: the API's, each page's own (see `siteHeaders`), other files'.
    contentSecurityPolicy: false,
    // Cross-origin isolation is not needed here and would make every cross-origin image on a
    // page opt in with CORP.
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    // The widget's files say `cross-origin` instead (see `siteHeaders`).
    crossOriginResourcePolicy: { policy: 'same-origin' },
    originAgentCluster: true,
    referrerPolicy: { policy: REFERRER_POLICY },
    // The server speaks plain HTTP; HSTS is for the TLS proxy in front of it, which knows the
    // domain and whether every subdomain is ready for it.
    strictTransportSecurity: false,
    xContentTypeOptions: true,
    xDnsPrefetchControl: { allow: false },
    // Only Internet Explorer 8 read it.
    xDownloadOptions: false,
    // For browsers older than `frame-ancestors`; the API says DENY.
    xFrameOptions: { action: 'sameorigin' },
    xPermittedCrossDomainPolicies: { permittedPolicies: 'none' },
    // Fastify sends no X-Powered-By to remove.
    xPoweredBy: false,
    // `0`: turns off the XSS auditor of old browsers, which itself could be abused.
    xXssProtection: true,
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.header('content-security-policy', FILE_CONTENT_SECURITY_POLICY);
    done();
  });
}

/** Gives an API answer its own policy: nothing loads, nothing frames it. */
export function setApiSecurityHeaders(reply: FastifyReply): void {
  reply.headers(API_HEADERS);
}

/**
 * The site's `setHeaders` for `@fastify/static`. A page (`.html`) gets the policy Astro wrote
 * into its `<meta>`, plus `frame-ancestors`, which only a header can carry. The standalone
 * widget (`/widget/…`) is public code for pages on other origins, which load it as module
 * scripts, in CORS mode: any origin may read it, and CORP lets pages that require it (COEP) load
 * it too. The API keeps its own CORS list.
 */
export function siteHeaders(
  siteDir: string,
): (reply: FastifyReply, path: string, stat: Stats) => void {
  const widgetDir = resolve(siteDir, 'widget') + sep;
  const pages = new PagePolicies();
  return (reply, path, stat) => {
    if (/\.html?$/i.test(path))
      reply.header('content-security-policy', pages.policyFor(path, stat));
    else if (/\.m?js$/i.test(path))
      reply.header('content-security-policy', SCRIPT_CONTENT_SECURITY_POLICY);
    if (path.startsWith(widgetDir)) {
      reply.header('access-control-allow-origin', '*');
      reply.header('cross-origin-resource-policy', 'cross-origin');
    }
  };
}
