import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { API_PREFIX } from '../../src/server/app.ts';
import { WELL_KNOWN_CUSTOMERS } from '../../src/server/seed.ts';
import { AccountStore } from '../../src/server/store.ts';

interface LoadRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: LoadRequest, context: Record<string, unknown>) => LoadRequest;
  onResponse?: (
    status: number,
    body: string,
    context: Record<string, unknown>,
    headers: Record<string, string>,
  ) => void;
}

interface LoadResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

interface LoadOptions {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  requests?: LoadRequest[];
}

/** autocannon ships no types; this is the part of its API the benchmark uses. */
type Autocannon = (options: LoadOptions) => Promise<LoadResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** One scenario's throughput and latency. */
export interface ServerLoad {
  readonly scenario: string;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Answers that were not 2xx, and connection errors: a benchmark of failures measures nothing. */
  readonly failed: number;
}

/** How hard and how long to load the server. */
export interface ServerLoadOptions {
  /** The built site to serve (its article page is one scenario), or none for the API alone. */
  readonly siteDir?: string;
  /** Address of the article page below the site, `/en/partner-center/x/`. */
  readonly articlePath?: string;
  readonly seconds: number;
  readonly connections: number;
  readonly customers: number;
  /** Told before each scenario starts. */
  readonly onScenario?: (scenario: string) => void;
}

/**
 * Seeds a temporary database, starts the reference server in a child process and loads it with
 * autocannon: an article page (compressed, as a browser asks), the customer list, a search, and
 * updates that each follow the customer's ETag, so every PUT is a real write.
 */
export async function measureServer(options: ServerLoadOptions): Promise<ServerLoad[]> {
  const server = await startBenchServer(options.customers, options.siteDir);
  try {
    const url = server.url;
    const apiUrl = `${url}${API_PREFIX}`;
    const filter = encodeURIComponent(
      JSON.stringify({ Field: 'CompanyName', Value: '株式会社', Operator: 'starts_with' }),
    );
    const load = { connections: options.connections, duration: options.seconds };
    const scenarios: [string, () => Promise<LoadOptions>][] = [
      ...(options.siteDir && options.articlePath
        ? [
            [
              `article page ${options.articlePath}`,
              async () => ({
                url: `${url}${options.articlePath}`,
                headers: { 'accept-encoding': 'br, gzip' },
                ...load,
              }),
            ] as [string, () => Promise<LoadOptions>],
          ]
        : []),
      ['customer list (size=20)', async () => ({ url: `${apiUrl}/v1/customers?size=20`, ...load })],
      [
        'search (company name starts with 株式会社)',
        async () => ({ url: `${apiUrl}/v1/customers?size=20&filter=${filter}`, ...load }),
      ],
      [
        'update (PUT billing profile, If-Match)',
        async () => ({ url, requests: [await updates(apiUrl, 200)], ...load }),
      ],
    ];
    const results: ServerLoad[] = [];
    for (const [scenario, prepare] of scenarios) {
      options.onScenario?.(scenario);
      const result = await autocannon(await prepare());
      results.push({
        scenario,
        requestsPerSecond: Math.round(result.requests.average),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        failed: result.non2xx + result.errors,
      });
    }
    return results;
  } finally {
    server.stop();
  }
}

/** A reference server in a child process, on a database of its own. */
export interface BenchServer {
  readonly url: string;
  readonly stop: () => void;
}

/**
 * Seeds a temporary database with `customers` and starts the reference server on it in a child
 * process (serve.ts), serving `siteDir` too when given.
 */
export async function startBenchServer(customers: number, siteDir?: string): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-server-'));
  const dbPath = join(dir, 'accounts.db');
  const store = new AccountStore(dbPath);
  store.reset(customers);
  store.close();
  const child = spawn(
    process.execPath,
    [join(import.meta.dirname, 'serve.ts'), dbPath, ...(siteDir ? [siteDir] : [])],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const stop = () => {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
      createInterface({ input: child.stdout! }).once('line', resolve);
    });
    return { url, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

/**
 * One PUT request definition that walks round-robin over `count` customers and follows each
 * one's ETag, so every update is a real write rather than a 412. (autocannon resets its
 * per-connection context after every request, so the customer is read back from the response.)
 */
async function updates(apiUrl: string, count: number): Promise<LoadRequest> {
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
