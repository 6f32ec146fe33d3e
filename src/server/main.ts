/**
 * Starts the reference server: the API under /api and, when `dist/` holds a built site, the
 * site from the same process. `--api-only` serves the API alone.
 *
 *   node src/server/main.ts             # site + API on http://127.0.0.1:4321
 *   node src/server/main.ts --api-only  # API only
 *
 * Env: PORT (4321), HOST (127.0.0.1), ACCOUNTS_DB (.data/accounts.db or :memory:), SITE_DIR
 * (dist), CORS_ORIGINS, API_TOKEN, API_FAULTS=1, API_LOG=0.
 */
import { parseArgs } from 'node:util';
import { createServer, optionsFromEnv } from './app.ts';

const { values } = parseArgs({ options: { 'api-only': { type: 'boolean', default: false } } });
const env = process.env;
const port = Number(env['PORT'] ?? 4321);
const server = await createServer({
  ...optionsFromEnv(env),
  host: env['HOST'] || '127.0.0.1',
  port: Number.isInteger(port) ? port : 4321,
  ...(values['api-only']
    ? { siteDir: false }
    : env['SITE_DIR']
      ? { siteDir: env['SITE_DIR'] }
      : {}),
});
const site = server.app.hasPlugin('@fastify/static') ? `site ${server.url}/, ` : '';
process.stdout.write(
  `Reference server: ${site}API ${server.apiUrl}/v1 (${server.store.count()} customers)\n`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
