import { createServer, type RunningServer, type ServerOptions } from './app.ts';

/** Starts a quiet in-memory server on a free port, for tests. */
export function startTestServer(options: ServerOptions = {}): Promise<RunningServer> {
  return createServer({ dbPath: ':memory:', siteDir: false, log: false, ...options });
}

/** Sends JSON with the given method and headers. */
export function sendJson(
  url: string,
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
