import type { FastifyRequest } from 'fastify';
import { HEADERS, REQUESTED_WITH_SITE } from '../../contract/index.ts';

/** Methods that may change something; they need a same-origin request. */
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether the method may change something. */
export function isStateChanging(method: string): boolean {
  return STATE_CHANGING.has(method.toUpperCase());
}

/**
 * Whether a request comes from the site's own page: its `Origin` is the site's, and it carries
 * `X-Requested-With: partner-help`, which a form, a link or an image on another site cannot send
 * and a cross-origin script can only send after a CORS preflight the site never grants. The
 * session cookie is SameSite=Lax besides; this holds also where that does not (same-site
 * subdomains, old browsers).
 */
export function isSameOriginRequest(request: FastifyRequest, siteOrigin: string): boolean {
  const origin = request.headers.origin;
  const marker = request.headers[HEADERS.requestedWith.toLowerCase()];
  return origin === siteOrigin && marker === REQUESTED_WITH_SITE;
}
