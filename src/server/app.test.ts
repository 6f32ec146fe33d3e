import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { ApiErrorSchema, ERROR_CODES } from '../contract/index.ts';
import { createServer, MAX_HEADER_BYTES, type RunningServer } from './app.ts';
import { WELL_KNOWN_CUSTOMERS } from './seed.ts';
import { sendJson, startTestServer } from './test-helpers.ts';

const JAPANESE = WELL_KNOWN_CUSTOMERS.japanese.id;

/** Sends raw bytes to a server and returns all it answers before closing the connection. */
function rawRequest(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

describe('errors', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer({ seedCount: 20 });
  });
  after(() => server.close());

  const CASES: [label: string, request: () => Promise<Response>, status: number, code: number][] = [
    [
      'an unknown API path',
      () => fetch(`${server.apiUrl}/v1/nothing-here`),
      404,
      ERROR_CODES.notFound,
    ],
    ['the API root', () => fetch(`${server.apiUrl}`), 404, ERROR_CODES.notFound],
    [
      'a wrong method',
      () => fetch(`${server.apiUrl}/v1/customers`, { method: 'DELETE' }),
      405,
      ERROR_CODES.methodNotAllowed,
    ],
    [
      'malformed JSON',
      () => sendJson(`${server.apiUrl}/v1/validations/address`, 'POST', '{"country":'),
      400,
      ERROR_CODES.invalidJson,
    ],
    [
      'an empty JSON body',
      () => sendJson(`${server.apiUrl}/v1/validations/address`, 'POST', ''),
      400,
      ERROR_CODES.invalidJson,
    ],
    [
      'a body that is not JSON',
      () =>
        fetch(`${server.apiUrl}/v1/validations/address`, { method: 'POST', body: 'country=JP' }),
      415,
      ERROR_CODES.unsupportedMediaType,
    ],
    [
      'a huge body',
      () =>
        sendJson(`${server.apiUrl}/v1/validations/address`, 'POST', { city: 'x'.repeat(200_000) }),
      413,
      ERROR_CODES.payloadTooLarge,
    ],
    [
      'a JSON array body',
      () => sendJson(`${server.apiUrl}/v1/validations/address`, 'POST', '[]'),
      400,
      ERROR_CODES.badRequest,
    ],
    [
      'prototype poisoning',
      () => sendJson(`${server.apiUrl}/v1/validations/address`, 'POST', '{"__proto__":{"x":1}}'),
      400,
      ERROR_CODES.invalidJson,
    ],
    [
      'a body that is not UTF-8',
      () =>
        fetch(`${server.apiUrl}/v1/validations/address`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          // "Tōkyō" in Latin-1 bytes would otherwise become U+FFFD and be kept.
          body: Buffer.from('{"country":"JP","city":"T\xf4ky\xf4","addressLine1":"x"}', 'latin1'),
        }),
      400,
      ERROR_CODES.invalidJson,
    ],
    [
      'JSON in another charset',
      () =>
        sendJson(`${server.apiUrl}/v1/validations/address`, 'POST', '{}', {
          'content-type': 'application/json; charset=iso-8859-1',
        }),
      415,
      ERROR_CODES.unsupportedMediaType,
    ],
    [
      'bad percent-encoding in the URL',
      () => fetch(`${server.apiUrl}/v1/customers/%E0%A4%A`),
      400,
      ERROR_CODES.badRequest,
    ],
  ];

  for (const [label, request, status, code] of CASES) {
    test(`answers ${status} in the error shape for ${label}`, async () => {
      const response = await request();
      assert.equal(response.status, status);
      assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
      const body = ApiErrorSchema.parse(await response.json());
      assert.equal(body.code, code);
      assert.equal(body.source, 'PartnerCenterReferenceServer');
    });
  }

  test('accepts JSON that says it is UTF-8', async () => {
    const response = await sendJson(
      `${server.apiUrl}/v1/validations/address`,
      'POST',
      { country: 'JP', city: '東京', addressLine1: 'x' },
      { 'content-type': 'application/json; charset="UTF-8"' },
    );
    assert.equal(response.status, 200);
    assert.equal((await response.json()).originalAddress.city, '東京');
  });

  test('echoes the correlation id on an error for a URL Fastify cannot decode', async () => {
    const response = await fetch(`${server.apiUrl}/v1/customers/%E0%A4%A`, {
      headers: { 'MS-CorrelationId': 'bad-url' },
    });
    assert.equal(response.headers.get('ms-correlationid'), 'bad-url');
  });

  test('answers 431 in the error shape when the headers are too large', async () => {
    const answer = await rawRequest(
      server.url,
      `GET /api/v1/customers HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(MAX_HEADER_BYTES)}\r\n\r\n`,
    );
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    assert.match(head, /^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    assert.match(head, /\r\ncontent-type: application\/json; charset=utf-8\r\n/);
    assert.match(head, /\r\nx-content-type-options: nosniff\r\n/);
    assert.equal(ApiErrorSchema.parse(JSON.parse(body)).code, ERROR_CODES.badRequest);
  });

  test('answers 400 in the error shape for a request HTTP cannot parse', async () => {
    const answer = await rawRequest(server.url, 'GET / HTTP/1.1\r\nHost x\r\n\r\n');
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    assert.match(head, /^HTTP\/1\.1 400 Bad Request\r\n/);
    assert.equal(ApiErrorSchema.parse(JSON.parse(body)).code, ERROR_CODES.badRequest);
  });

  test('still answers a request with headers just under the limit', async () => {
    const response = await fetch(`${server.apiUrl}/v1/customers?size=1`, {
      headers: { 'X-Big': 'a'.repeat(MAX_HEADER_BYTES - 1024) },
    });
    assert.equal(response.status, 200);
  });

  test('tells which methods a path allows', async () => {
    const response = await fetch(`${server.apiUrl}/v1/customers/${JAPANESE}/profiles/billing`, {
      method: 'POST',
    });
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'GET, PUT, HEAD, OPTIONS');
  });

  test('keeps answering after bad requests', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        sendJson(`${server.apiUrl}/v1/validations/address`, 'POST', '{'),
      ),
    );
    assert.equal((await fetch(`${server.apiUrl}/v1/customers?size=1`)).status, 200);
  });

  test('echoes MS-CorrelationId and makes one up when it is missing', async () => {
    const echoed = await fetch(`${server.apiUrl}/v1/customers?size=1`, {
      headers: { 'MS-CorrelationId': 'corr-123' },
    });
    assert.equal(echoed.headers.get('ms-correlationid'), 'corr-123');
    const made = await fetch(`${server.apiUrl}/v1/nothing`);
    assert.match(made.headers.get('ms-correlationid') ?? '', /^[0-9a-f-]{36}$/);
  });

  test('answers HEAD like GET without a body', async () => {
    const response = await fetch(`${server.apiUrl}/v1/customers?size=1`, { method: 'HEAD' });
    assert.equal(response.status, 200);
  });
});

describe('CORS and access token', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer({
      seedCount: 10,
      corsOrigins: ['https://widget.example'],
      apiToken: 's3cret',
    });
  });
  after(() => server.close());

  test('answers a preflight from an allowed origin with the headers the widget sends', async () => {
    const response = await fetch(`${server.apiUrl}/v1/customers/x/profiles/billing`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://widget.example',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'if-match,ms-requestid',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://widget.example');
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of [
      'if-match',
      'ms-requestid',
      'ms-correlationid',
      'ms-continuationtoken',
      'content-type',
      'authorization',
    ]) {
      assert.ok(allowed.includes(header), header);
    }
  });

  test('exposes ETag and the correlation headers to the widget', async () => {
    const response = await fetch(`${server.apiUrl}/v1/customers/${JAPANESE}/profiles/billing`, {
      headers: { Origin: 'https://widget.example', Authorization: 'Bearer s3cret' },
    });
    assert.equal(response.status, 200);
    const exposed = (response.headers.get('access-control-expose-headers') ?? '').toLowerCase();
    for (const header of ['etag', 'ms-correlationid', 'ms-requestid', 'retry-after'])
      assert.ok(exposed.includes(header), header);
  });

  test('answers a preflight with the API’s security headers', async () => {
    const response = await fetch(`${server.apiUrl}/v1/customers`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://widget.example', 'Access-Control-Request-Method': 'GET' },
    });
    assert.equal(response.status, 204);
    assert.equal(
      response.headers.get('content-security-policy'),
      "default-src 'none'; frame-ancestors 'none'",
    );
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  });

  test('does not allow another origin', async () => {
    const response = await fetch(`${server.apiUrl}/v1/customers`, {
      headers: { Origin: 'https://evil.example', Authorization: 'Bearer s3cret' },
    });
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  test('takes the bearer scheme in any case and after one or more spaces', async () => {
    for (const authorization of ['bearer s3cret', 'BEARER s3cret', 'Bearer   s3cret']) {
      const response = await fetch(`${server.apiUrl}/v1/customers`, {
        headers: { Authorization: authorization },
      });
      assert.equal(response.status, 200, authorization);
    }
  });

  test('answers 401 without the bearer token', async () => {
    for (const authorization of [
      undefined,
      'Bearer wrong',
      's3cret',
      'Bearer',
      'Bearer s3cre',
      'Bearer s3cret2',
      'Bearers3cret',
      'Bearer\ts3cret',
      'Basic s3cret',
      'Bearer Bearer s3cret',
    ]) {
      const response = await fetch(`${server.apiUrl}/v1/customers`, {
        headers: authorization ? { Authorization: authorization } : {},
      });
      assert.equal(response.status, 401, authorization);
      assert.equal(response.headers.get('www-authenticate'), 'Bearer');
      assert.equal((await response.json()).code, ERROR_CODES.unauthorized);
    }
  });
});

describe('fault switch', () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer({ seedCount: 10, faults: true });
  });
  after(() => server.close());

  test('fails once with 500 for 500-once, then answers normally', async () => {
    const headers = { 'X-Test-Fault': '500-once', 'MS-CorrelationId': 'fault-once' };
    assert.equal((await fetch(`${server.apiUrl}/v1/customers`, { headers })).status, 500);
    assert.equal((await fetch(`${server.apiUrl}/v1/customers`, { headers })).status, 200);
  });

  test('answers 429 with Retry-After', async () => {
    const response = await fetch(`${server.apiUrl}/v1/customers`, {
      headers: { 'X-Test-Fault': '429' },
    });
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '1');
  });

  test('answers 412 on demand', async () => {
    const response = await fetch(`${server.apiUrl}/v1/customers`, {
      headers: { 'X-Test-Fault': '412' },
    });
    assert.equal((await response.json()).code, 2055);
  });

  test('delays the answer', async () => {
    const started = performance.now();
    await fetch(`${server.apiUrl}/v1/customers`, { headers: { 'X-Test-Fault': 'delay-300' } });
    assert.ok(performance.now() - started >= 290);
  });

  test('drops the connection for reset', async () => {
    await assert.rejects(
      fetch(`${server.apiUrl}/v1/customers`, { headers: { 'X-Test-Fault': 'reset' } }),
    );
  });

  test('commits, answers 500, and the retry with the same request id gets the committed result', async () => {
    const url = `${server.apiUrl}/v1/customers/${JAPANESE}/profiles/billing`;
    const loaded = await fetch(url);
    const etag = loaded.headers.get('etag')!;
    const profile = await loaded.json();
    const headers = {
      'If-Match': etag,
      'MS-RequestId': 'commit-then-fail',
      'X-Test-Fault': '500-after-commit-once',
    };
    const change = { ...profile, lastName: '鈴木' };
    assert.equal((await sendJson(url, 'PUT', change, headers)).status, 500);
    const retry = await sendJson(url, 'PUT', change, headers);
    assert.equal(retry.status, 200);
    assert.equal((await retry.json()).lastName, '鈴木');
  });

  test('ignores the fault header when the switch is off', async () => {
    const off = await startTestServer({ seedCount: 10 });
    try {
      assert.equal(
        (await fetch(`${off.apiUrl}/v1/customers`, { headers: { 'X-Test-Fault': '500' } })).status,
        200,
      );
    } finally {
      await off.close();
    }
  });
});

describe('file database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'accounts-db-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('keeps an update across a restart', async () => {
    const dbPath = join(dir, 'nested', 'accounts.db');
    const first = await createServer({ dbPath, siteDir: false, log: false, seedCount: 50 });
    const url = `${first.apiUrl}/v1/customers/${JAPANESE}/profiles/billing`;
    const loaded = await fetch(url);
    const profile = await loaded.json();
    const saved = await sendJson(
      url,
      'PUT',
      { ...profile, firstName: '再起動' },
      { 'If-Match': loaded.headers.get('etag')! },
    );
    assert.equal(saved.status, 200);
    await first.close();

    const second = await createServer({ dbPath, siteDir: false, log: false, seedCount: 50 });
    try {
      const reloaded = await fetch(`${second.apiUrl}/v1/customers/${JAPANESE}/profiles/billing`);
      assert.equal((await reloaded.json()).firstName, '再起動');
      assert.equal(reloaded.headers.get('etag'), saved.headers.get('etag'));
      assert.equal(second.store?.count(), 50);
    } finally {
      await second.close();
    }
  });
});

describe('site and API from one process', () => {
  const dist = mkdtempSync(join(tmpdir(), 'site-dist-'));
  let server: RunningServer;
  const lines: string[] = [];
  before(async () => {
    writeFileSync(join(dist, 'index.html'), '<h1>home</h1>');
    writeFileSync(join(dist, '404.html'), '<h1>not found page</h1>');
    mkdirSync(join(dist, 'ja-jp', '404'), { recursive: true });
    writeFileSync(join(dist, 'ja-jp', '404', 'index.html'), '<h1>ページが見つかりません</h1>');
    mkdirSync(join(dist, 'widget'));
    writeFileSync(join(dist, 'widget', 'customer-account-update.js'), 'export {};');
    mkdirSync(join(dist, 'ja-jp', 'update-customer-account-info'), { recursive: true });
    writeFileSync(
      join(dist, 'ja-jp', 'update-customer-account-info', 'index.html'),
      '<h1>顧客</h1>',
    );
    server = await startTestServer({
      seedCount: 10,
      siteDir: dist,
      log: (line) => lines.push(line),
    });
  });
  after(async () => {
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  test('serves index.html for the root and for trailing-slash URLs', async () => {
    assert.equal(await (await fetch(`${server.url}/`)).text(), '<h1>home</h1>');
    const page = await fetch(`${server.url}/ja-jp/update-customer-account-info/`);
    assert.equal(page.status, 200);
    assert.equal(await page.text(), '<h1>顧客</h1>');
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  });

  test('lets pages on any origin load the standalone widget, and only the widget', async () => {
    const widget = await fetch(`${server.url}/widget/customer-account-update.js`, {
      headers: { Origin: 'https://partner.example' },
    });
    assert.equal(widget.status, 200);
    assert.equal(widget.headers.get('access-control-allow-origin'), '*');
    assert.match(widget.headers.get('content-type') ?? '', /javascript/);
    const page = await fetch(`${server.url}/`, { headers: { Origin: 'https://partner.example' } });
    assert.equal(page.headers.get('access-control-allow-origin'), null);
  });

  test('redirects a folder URL without the trailing slash', async () => {
    const response = await fetch(`${server.url}/ja-jp/update-customer-account-info`, {
      redirect: 'manual',
    });
    assert.equal(response.status, 301);
    assert.equal(response.headers.get('location'), '/ja-jp/update-customer-account-info/');
  });

  test('serves 404.html with status 404 for unknown pages', async () => {
    const response = await fetch(`${server.url}/no/such/page/`);
    assert.equal(response.status, 404);
    assert.equal(await response.text(), '<h1>not found page</h1>');
  });

  test('serves a language’s own 404 page for unknown pages under its folder', async () => {
    for (const path of ['/ja-jp/no-such-page/', '/ja-jp/404/', '/ja-jp/404/index.html']) {
      const response = await fetch(`${server.url}${path}`);
      assert.equal(response.status, 404, path);
      assert.equal(await response.text(), '<h1>ページが見つかりません</h1>', path);
    }
  });

  test('never serves the site for an API path', async () => {
    for (const path of ['/api/v1/nope', '/api/index.html', '/api']) {
      const response = await fetch(`${server.url}${path}`);
      assert.equal(response.status, 404, path);
      assert.equal((await response.json()).code, ERROR_CODES.notFound, path);
    }
  });

  test('serves the API next to the site', async () => {
    assert.equal((await fetch(`${server.apiUrl}/v1/customers?size=1`)).status, 200);
  });

  test('answers a range it cannot serve in the error shape', async () => {
    const response = await fetch(`${server.url}/widget/customer-account-update.js`, {
      headers: { Range: 'bytes=999999-' },
    });
    assert.equal(response.status, 416);
    assert.equal(ApiErrorSchema.parse(await response.json()).code, ERROR_CODES.badRequest);
  });

  test('does not serve files outside the site folder', async () => {
    const response = await fetch(`${server.url}/..%2f..%2fetc%2fpasswd`);
    assert.equal(response.status, 404);
  });

  test('logs one line per request with method, path, status, time and correlation id', async () => {
    // The whole answer is read, so the request is over; a compressed answer of an earlier test
    // may still log its line meanwhile, so this request's line is told by its correlation id.
    await (
      await fetch(`${server.apiUrl}/v1/customers?size=1`, {
        headers: { 'MS-CorrelationId': 'log-check' },
      })
    ).text();
    await new Promise((resolve) => setImmediate(resolve));
    const logged = lines.filter((line) => line.endsWith(' log-check'));
    assert.equal(logged.length, 1);
    assert.match(logged[0]!, /^GET \/api\/v1\/customers 200 \d+\.\dms log-check$/);
  });
});

describe('the site served well', () => {
  const dist = mkdtempSync(join(tmpdir(), 'site-cache-'));
  const page = `<!doctype html><title>x</title>${'<p>Partner Center help</p>'.repeat(200)}`;
  let server: RunningServer;
  before(async () => {
    mkdirSync(join(dist, '_astro'));
    writeFileSync(join(dist, 'index.html'), page);
    writeFileSync(join(dist, '_astro', 'page.AbC123.css'), 'body{color:red}'.repeat(200));
    mkdirSync(join(dist, 'pagefind'));
    writeFileSync(join(dist, 'pagefind', 'pagefind.en_1.pf_meta'), gzipSync(page));
    server = await startTestServer({ siteDir: dist });
  });
  after(async () => {
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  test('compresses pages with brotli or gzip, as the browser asks', async () => {
    for (const encoding of ['br', 'gzip']) {
      const response = await fetch(`${server.url}/`, { headers: { 'accept-encoding': encoding } });
      assert.equal(response.headers.get('content-encoding'), encoding);
      assert.match(response.headers.get('vary') ?? '', /accept-encoding/i);
      assert.equal(await response.text(), page);
    }
  });

  test('sends the search index, gzip already, as it is: not compressed again', async () => {
    const response = await fetch(`${server.url}/pagefind/pagefind.en_1.pf_meta`, {
      headers: { 'accept-encoding': 'br, gzip' },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-encoding'), null);
    assert.deepEqual(
      Buffer.from(await response.arrayBuffer()),
      readFileSync(join(dist, 'pagefind', 'pagefind.en_1.pf_meta')),
    );
  });

  test('lets browsers keep hashed assets for a year without asking again', async () => {
    const response = await fetch(`${server.url}/_astro/page.AbC123.css`);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });

  test('makes browsers revalidate pages, and answers an unchanged page with 304', async () => {
    const first = await fetch(`${server.url}/`);
    assert.equal(first.headers.get('cache-control'), 'public, max-age=0, must-revalidate');
    const etag = first.headers.get('etag');
    assert.ok(etag);
    // What a browser sends to revalidate; fetch() would otherwise add `Cache-Control: no-cache`
    // to a request with If-None-Match, which asks for a fresh copy.
    const again = await fetch(`${server.url}/`, {
      headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' },
    });
    assert.equal(again.status, 304);
  });
});
