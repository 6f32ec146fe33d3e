import type { FastifyInstance, HTTPMethods, RouteHandlerMethod } from 'fastify';
import { apiError } from '../errors.ts';

const METHODS = ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'] as const;

type Method = (typeof METHODS)[number];

/**
 * Registers the handlers of one path and answers every other method with 405 and `Allow`, so
 * a wrong method is told what would work instead of getting a 404. (HEAD follows GET; OPTIONS
 * belongs to CORS.)
 */
export function resource(
  app: FastifyInstance,
  url: string,
  handlers: Partial<Record<Method, RouteHandlerMethod>>,
): void {
  const allowed = Object.keys(handlers) as Method[];
  for (const method of allowed) {
    app.route({ method, url, handler: handlers[method] as RouteHandlerMethod });
  }
  const others = METHODS.filter((method) => !allowed.includes(method));
  if (others.length === 0) return;
  const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  app.route({
    method: others as HTTPMethods[],
    url,
    handler: async () => {
      throw apiError(405, 'methodNotAllowed', { headers: { Allow: allow } });
    },
  });
}
