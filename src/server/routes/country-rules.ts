import type { FastifyInstance } from 'fastify';
import { getCountryRules } from '../country-rules-data.ts';
import { apiError } from '../errors.ts';
import { resource } from './resource.ts';

/** `GET /v1/countryvalidationrules/{iso2}`; 404 for a country without rules. */
export function countryRuleRoutes(app: FastifyInstance): void {
  resource(app, '/v1/countryvalidationrules/:iso2', {
    GET: async (request, reply) => {
      const { iso2 } = request.params as { iso2: string };
      const rules = /^[A-Za-z]{2}$/.test(iso2) ? getCountryRules(iso2) : undefined;
      if (!rules) throw apiError(404, 'countryNotFound');
      // Rules are static data: let browsers and the widget reuse them for an hour.
      reply.header('Cache-Control', 'public, max-age=3600');
      return rules;
    },
  });
}
