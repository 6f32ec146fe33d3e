import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createApp } from './app.ts';
import { FALLBACK_PAGE_POLICY } from './page-policy.ts';
import {
  API_CONTENT_SECURITY_POLICY,
  FILE_CONTENT_SECURITY_POLICY,
  SCRIPT_CONTENT_SECURITY_POLICY,
  REFERRER_POLICY,
} from './security-headers.ts';

const PAGE_META =
  "default-src 'self';script-src 'self' 'sha256-AAAA';style-src 'self' 'unsafe-inline';object-src 'none'";
const PAGE_POLICY =
  "default-src 'self'; script-src 'self' 'sha256-AAAA'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
const NOT_FOUND_META = "default-src 'self';img-src 'self' data:";
const NOT_FOUND_POLICY =
  "default-src 'self'; img-src 'self' data:; base-uri 'self'; object-src 'none'; form-action 'self'; frame-ancestors 'self'";

function page(meta: string | undefined, body: string): string {
  const policy =
    meta === undefined ? '' : `<meta http-equiv="content-security-policy" content="${meta}">`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${policy}<title>t</title></head><body>${body}</body></html>`;
}

/** Headers every response has, whatever it is. */
function assertCommonHeaders(response: LightMyRequestResponse): void {
  assert.equal(response.headers['x-content-type-options'], 'nosniff');
  assert.equal(response.headers['referrer-policy'], REFERRER_POLICY);
}

/** Headers of an answer in the API's error shape or any other JSON. */
function assertApiHeaders(response: LightMyRequestResponse): void {
  assertCommonHeaders(response);
  assert.equal(response.headers['content-security-policy'], API_CONTENT_SECURITY_POLICY);
  assert.equal(response.headers['x-frame-options'], 'DENY');
  assert.match(String(response.headers['content-type']), /^application\/json/);
}

describe('security headers', () => {
  const site = mkdtempSync(join(tmpdir(), 'security-headers-'));
  let app: FastifyInstance;
  before(async () => {
    writeFileSync(join(site, 'index.html'), page(PAGE_META, '<h1>home</h1>'));
    writeFileSync(join(site, 'plain.html'), page(undefined, '<h1>no policy</h1>'));
    writeFileSync(
      join(site, 'smuggled.html'),
      page(undefined, `<meta http-equiv="content-security-policy" content="script-src *">`),
    );
    writeFileSync(join(site, '404.html'), page(NOT_FOUND_META, '<h1>not found</h1>'));
    writeFileSync(join(site, 'site.css'), 'body { color: black }');
    mkdirSync(join(site, 'widget'));
    writeFileSync(join(site, 'widget', 'customer-account-update.js'), 'export {};');
    ({ app } = await createApp({
      dbPath: ':memory:',
      seedCount: 5,
      siteDir: site,
      log: false,
      apiToken: 's3cret',
    }));
  });
  after(async () => {
    await app.close();
    rmSync(site, { recursive: true, force: true });
  });

  const bearer = { authorization: 'Bearer s3cret' };

  test('an API answer may not load anything or be framed', async () => {
    const response = await app.inject({ url: '/api/v1/customers?size=1', headers: bearer });
    assert.equal(response.statusCode, 200);
    assertApiHeaders(response);
  });

  const API_ERRORS: [label: string, request: InjectOptions][] = [
    ['an unknown API path (404)', { url: '/api/v1/nothing', headers: bearer }],
    ['a missing token (401)', { url: '/api/v1/customers' }],
    [
      'a body that is not JSON (400)',
      {
        method: 'POST',
        url: '/api/v1/validations/address',
        headers: { ...bearer, 'content-type': 'application/json' },
        payload: '{',
      },
    ],
    ['a URL Fastify cannot decode (400)', { url: '/api/v1/customers/%E0%A4%A', headers: bearer }],
    ['a site URL Fastify cannot decode (400)', { url: '/%E0%A4%A' }],
  ];
  for (const [label, request] of API_ERRORS) {
    test(`an API error for ${label} has the API's headers`, async () => {
      const response = await app.inject(request);
      assert.ok(response.statusCode >= 400, String(response.statusCode));
      assertApiHeaders(response);
    });
  }

  test('a page gets the policy of its own meta, with frame-ancestors', async () => {
    const response = await app.inject({ url: '/' });
    assert.equal(response.statusCode, 200);
    assertCommonHeaders(response);
    assert.equal(response.headers['content-security-policy'], PAGE_POLICY);
    assert.equal(response.headers['x-frame-options'], 'SAMEORIGIN');
    assert.equal(response.headers['cross-origin-resource-policy'], 'same-origin');
    assert.equal(response.headers['access-control-allow-origin'], undefined);
  });

  test('a page without a policy meta gets the strict fallback policy', async () => {
    const response = await app.inject({ url: '/plain.html' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-security-policy'], FALLBACK_PAGE_POLICY);
    assert.equal(response.headers['x-frame-options'], 'SAMEORIGIN');
  });

  test('a policy meta in the body is not taken for the page’s policy', async () => {
    const response = await app.inject({ url: '/smuggled.html' });
    assert.equal(response.headers['content-security-policy'], FALLBACK_PAGE_POLICY);
  });

  test('the 404 page gets its own policy with status 404', async () => {
    const response = await app.inject({ url: '/no/such/page/' });
    assert.equal(response.statusCode, 404);
    assert.match(response.body, /not found/);
    assertCommonHeaders(response);
    assert.equal(response.headers['content-security-policy'], NOT_FOUND_POLICY);
    assert.equal(response.headers['x-frame-options'], 'SAMEORIGIN');
  });

  test('other files of the site get a policy that loads nothing', async () => {
    const response = await app.inject({ url: '/site.css' });
    assert.equal(response.statusCode, 200);
    assertCommonHeaders(response);
    assert.equal(response.headers['content-security-policy'], FILE_CONTENT_SECURITY_POLICY);
    assert.equal(response.headers['cross-origin-resource-policy'], 'same-origin');
  });

  test('pages on other origins can still load the widget', async () => {
    const response = await app.inject({
      url: '/widget/customer-account-update.js',
      headers: { origin: 'https://partner.example' },
    });
    assert.equal(response.statusCode, 200);
    assertCommonHeaders(response);
    assert.equal(response.headers['access-control-allow-origin'], '*');
    assert.equal(response.headers['cross-origin-resource-policy'], 'cross-origin');
    assert.equal(response.headers['cross-origin-embedder-policy'], undefined);
    assert.equal(response.headers['content-security-policy'], SCRIPT_CONTENT_SECURITY_POLICY);
  });

  test('a script may, as a worker, fetch the site and compile WebAssembly, and nothing else', async () => {
    const response = await app.inject({ url: '/widget/customer-account-update.js' });
    const policy = response.headers['content-security-policy'];
    assert.match(String(policy), /connect-src 'self'/);
    assert.match(String(policy), /script-src 'self' 'wasm-unsafe-eval'/);
    assert.match(String(policy), /default-src 'none'/);
    assert.doesNotMatch(String(policy), /'unsafe-inline'|'unsafe-eval'/);
  });

  test('no response says HSTS over plain HTTP', async () => {
    const response = await app.inject({ url: '/' });
    assert.equal(response.headers['strict-transport-security'], undefined);
  });
});
