/**
 * Starts the server: the API under /api and, when `dist/` holds a built site, the site from the
 * same process. `--api-only` serves the API alone. Without `PARTNER_CENTER_API_URL` the API is
 * the embedded reference server; with it, a proxy to Partner Center for signed-in users.
 *
 *   node src/server/main.ts             # site + API on http://127.0.0.1:4321
 *   node src/server/main.ts --api-only  # API only
 *   node src/server/main.ts --check-env # checks the environment, starts nothing
 *
 * Env (all checked at start, see config.ts): PORT (4321), HOST (127.0.0.1), SITE_DIR (dist);
 * reference mode: ACCOUNTS_DB (.data/accounts.db or :memory:), CORS_ORIGINS, API_TOKEN,
 * API_FAULTS=1; API_LOG=0; proxy mode: PARTNER_CENTER_API_URL, ENTRA_TENANT_ID, ENTRA_CLIENT_ID,
 * ENTRA_CLIENT_SECRET, ENTRA_AUTHORITY, SESSION_SECRET, SITE_URL.
 */
import { parseArgs } from 'node:util';
import { createServer } from './app.ts';
import { ConfigError, configFromEnv } from './config.ts';

const { values } = parseArgs({
  options: {
    'api-only': { type: 'boolean', default: false },
    // `npm start` checks the environment before it spends a minute building the site.
    'check-env': { type: 'boolean', default: false },
  },
});
let config: ReturnType<typeof configFromEnv>;
try {
  config = configFromEnv(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
if (values['check-env']) process.exit(0);
const server = await createServer({
  ...config.options,
  host: config.host,
  port: config.port,
  ...(values['api-only'] ? { siteDir: false } : {}),
});
const site = server.app.hasPlugin('@fastify/static') ? `site ${server.url}/, ` : '';
const proxy = config.options.proxy;
process.stdout.write(
  proxy
    ? `Proxy mode: ${site}API ${server.apiUrl}/v1 → ${proxy.upstream}/v1 as the signed-in user (sign-in: ${proxy.entra.issuer}, site ${proxy.siteUrl})\n`
    : `Reference mode: ${site}API ${server.apiUrl}/v1, embedded reference server (${server.store?.count() ?? 0} customers)\n`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
