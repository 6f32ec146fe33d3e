/**
 * The server under load, in its own process so the load generator does not share its event
 * loop: serves the API on `db` and, when given, the built site in `siteDir`, on a free port, and
 * prints its URL on the first line.
 *
 *   node scripts/bench/serve.ts <db> [siteDir]
 */
import { createServer } from '../../src/server/app.ts';

const [dbPath, siteDir] = process.argv.slice(2);
if (!dbPath) {
  console.error('usage: serve.ts <db> [siteDir]');
  process.exit(2);
}
const server = await createServer({ dbPath, siteDir: siteDir ?? false, log: false });
process.stdout.write(`${server.url}\n`);
