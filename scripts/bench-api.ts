/**
 * Benchmarks the reference API (`npm run bench:api`): seeds 10,000 customers into a temporary
 * database, starts the API in a child process (so the load generator does not share its event
 * loop), and measures list, search and update with autocannon. Prints req/s and p50/p99.
 *
 * Env: BENCH_SECONDS (10), BENCH_CONNECTIONS (10), BENCH_CUSTOMERS (10000).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createServer } from '../src/server/app.ts';
import { WELL_KNOWN_CUSTOMERS } from '../src/server/seed.ts';
import { AccountStore } from '../src/server/store.ts';

interface BenchRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: BenchRequest, context: Record<string, unknown>) => BenchRequest;
  onResponse?: (
    status: number,
    body: string,
    context: Record<string, unknown>,
    headers: Record<string, string>,
  ) => void;
}

interface BenchResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  statusCodeStats: Record<string, { count: number }>;
}

/** autocannon ships no types; this is the part of its API the benchmark uses. */
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests?: BenchRequest[];
  headers?: Record<string, string>;
}) => Promise<BenchResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const customers = Number(process.env['BENCH_CUSTOMERS'] ?? 10_000);

if (process.argv[2] === '--serve') {
  // Child: serve the API on a free port and report its URL to the parent.
  const server = await createServer({ dbPath: process.argv[3]!, siteDir: false, log: false });
  process.stdout.write(`${server.apiUrl}\n`);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'bench-api-'));
  const dbPath = join(dir, 'accounts.db');
  const seedStart = performance.now();
  const store = new AccountStore(dbPath);
  store.reset(customers);
  store.close();
  console.log(`Seeded ${customers} customers in ${Math.round(performance.now() - seedStart)} ms`);

  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve', dbPath], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const apiUrl = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });

  try {
    const filter = encodeURIComponent(
      JSON.stringify({ Field: 'CompanyName', Value: '株式会社', Operator: 'starts_with' }),
    );
    const updates = await prepareUpdates(apiUrl, 200);
    const scenarios: [name: string, options: Parameters<Autocannon>[0]][] = [
      ['list (size=20)', { url: `${apiUrl}/v1/customers?size=20`, connections, duration: seconds }],
      [
        'search (CompanyName starts_with 株式会社, size=20)',
        { url: `${apiUrl}/v1/customers?size=20&filter=${filter}`, connections, duration: seconds },
      ],
      [
        'update (PUT billing profile, If-Match)',
        { url: apiUrl, connections, duration: seconds, requests: [updates] },
      ],
    ];
    console.log(`\n${connections} connections, ${seconds} s each, loopback\n`);
    console.log(
      'scenario'.padEnd(52),
      'req/s'.padStart(8),
      'p50 ms'.padStart(8),
      'p99 ms'.padStart(8),
      'non-2xx'.padStart(8),
    );
    for (const [name, options] of scenarios) {
      const result = await autocannon(options);
      console.log(
        name.padEnd(52),
        String(Math.round(result.requests.average)).padStart(8),
        String(result.latency.p50).padStart(8),
        String(result.latency.p99).padStart(8),
        String(result.non2xx + result.errors).padStart(8),
      );
    }
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One PUT request definition that walks round-robin over `count` customers and follows each
 * one's ETag, so every update is a real write rather than a 412. (autocannon resets its
 * per-connection context after every request, so the customer is read back from the response.)
 */
async function prepareUpdates(apiUrl: string, count: number): Promise<BenchRequest> {
  const page = (await (await fetch(`${apiUrl}/v1/customers?size=${count + 10}`)).json()) as {
    items: { id: string }[];
  };
  const owned = await Promise.all(
    page.items
      .map((item) => item.id)
      .filter((id) => id !== WELL_KNOWN_CUSTOMERS.hostileImage.id)
      .slice(0, count)
      .map(async (id) => {
        const response = await fetch(`${apiUrl}/v1/customers/${id}/profiles/billing`);
        return {
          id,
          etag: response.headers.get('etag')!,
          profile: (await response.json()) as Record<string, unknown>,
        };
      }),
  );
  const byUri = new Map(
    owned.map((customer) => [`/v1/customers/${customer.id}/profiles/billing`, customer]),
  );
  let round = 0;
  return {
    method: 'PUT',
    setupRequest(request) {
      const customer = owned[round++ % owned.length]!;
      return {
        ...request,
        path: `/api/v1/customers/${customer.id}/profiles/billing`,
        headers: { 'content-type': 'application/json', 'if-match': customer.etag },
        body: JSON.stringify({ ...customer.profile, firstName: `Bench ${round}` }),
      };
    },
    onResponse(status, body, _context, headers) {
      if (status !== 200 || !headers['etag']) return;
      const customer = byUri.get(
        (JSON.parse(body) as { links: { self: { uri: string } } }).links.self.uri,
      );
      if (customer) customer.etag = headers['etag'];
    },
  };
}
