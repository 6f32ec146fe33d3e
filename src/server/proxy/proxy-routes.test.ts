import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { AUTH_PATHS, ERROR_CODES, HEADERS, REQUESTED_WITH_SITE } from '../../contract/index.ts';
import { REFRESH_BEFORE_EXPIRY_MS } from '../auth/access-tokens.ts';
import { SITE_URL, startProxyHarness, type ProxyHarness } from './proxy-test-harness.ts';

let harness: ProxyHarness;
let cookie: string;
before(async () => {
  harness = await startProxyHarness();
});
after(() => harness.close());
beforeEach(async () => {
  harness.entra.accessTokenLifetimeS = 3600;
  harness.entra.refusesRefresh = false;
  cookie = await harness.signIn();
  harness.partnerCenter.requests.length = 0;
  harness.logs.length = 0;
});

const customerPath = () => `/v1/customers/${harness.partnerCenter.customer.id}`;
const billingPath = () => `${customerPath()}/profiles/billing`;
const lastUpstream = () => harness.partnerCenter.requests.at(-1);

describe('the proxy to Partner Center', () => {
  test('calls the upstream with the user’s bearer token, the correlation id, the locale and the request id', async () => {
    const response = await harness.api('GET', customerPath(), {
      cookie,
      headers: {
        [HEADERS.correlationId]: 'session-1234',
        [HEADERS.requestId]: 'request-5678',
        [HEADERS.locale]: 'ja-JP',
      },
    });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().id, harness.partnerCenter.customer.id);
    const upstream = lastUpstream();
    assert.equal(upstream?.path, customerPath());
    assert.equal(upstream?.headers.authorization, `Bearer ${harness.entra.accessTokens.at(-1)}`);
    assert.equal(upstream?.headers['ms-correlationid'], 'session-1234');
    assert.equal(upstream?.headers['ms-requestid'], 'request-5678');
    assert.equal(upstream?.headers['x-locale'], 'ja-JP');
    assert.equal(response.headers['ms-correlationid'], 'session-1234');
  });

  test('adds MS-RequestId and X-Locale (from the browser’s language) when the caller sent none', async () => {
    await harness.api('GET', customerPath(), {
      cookie,
      headers: { 'accept-language': 'zh-TW,zh;q=0.9,en;q=0.8' },
    });
    assert.match(String(lastUpstream()?.headers['ms-requestid']), /^[0-9a-f-]{36}$/);
    assert.equal(lastUpstream()?.headers['x-locale'], 'zh-TW');
    await harness.api('GET', customerPath(), { cookie });
    assert.equal(lastUpstream()?.headers['x-locale'], 'en-US');
  });

  test('sends no cookie and no header of the browser’s other than the ones it needs', async () => {
    await harness.api('GET', '/v1/customers?size=40', {
      cookie: `${cookie}; other=secret`,
      headers: { 'x-forwarded-for': '203.0.113.9', referer: `${SITE_URL}/en/`, 'x-custom': '1' },
    });
    const headers = lastUpstream()?.headers ?? {};
    assert.equal(headers.cookie, undefined);
    assert.equal(headers['x-forwarded-for'], undefined);
    assert.equal(headers.referer, undefined);
    assert.equal(headers['x-custom'], undefined);
    assert.equal(headers['x-requested-with'], undefined);
    assert.equal(lastUpstream()?.path, '/v1/customers');
  });

  test('puts the billing profile with If-Match and MS-RequestId, and passes the new ETag back', async () => {
    const profile = harness.partnerCenter.billingProfile() as { attributes: { etag: string } };
    const response = await harness.api('PUT', billingPath(), {
      cookie,
      body: { ...profile, firstName: 'Grace' },
      headers: { [HEADERS.ifMatch]: `"${profile.attributes.etag}"`, [HEADERS.requestId]: 'put-1' },
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().firstName, 'Grace');
    assert.equal(lastUpstream()?.method, 'PUT');
    assert.equal(lastUpstream()?.headers['if-match'], `"${profile.attributes.etag}"`);
    assert.equal(lastUpstream()?.headers['ms-requestid'], 'put-1');
    assert.equal(lastUpstream()?.body?.['firstName'], 'Grace');
  });

  test('answers 401 in the error shape with the sign-in URL when there is no session', async () => {
    for (const request of [{}, { cookie: '__Host-partner-help-session=forged.value' }]) {
      const response = await harness.api('GET', '/v1/customers', request);
      assert.equal(response.statusCode, 401);
      assert.deepEqual(response.json(), {
        code: ERROR_CODES.signInRequired,
        description: 'Sign in to Partner Center to continue',
        messageKey: 'error.signInRequired',
        data: [],
        source: 'PartnerCenterReferenceServer',
        signInUrl: AUTH_PATHS.signIn,
      });
    }
    assert.equal(harness.partnerCenter.requests.length, 0);
  });

  test('refuses a cross-site PUT with the user’s cookie (403) and never calls the upstream', async () => {
    const profile = harness.partnerCenter.billingProfile();
    for (const headers of [
      { origin: 'https://evil.example' },
      { origin: 'https://evil.example', [HEADERS.requestedWith]: REQUESTED_WITH_SITE },
      { origin: SITE_URL, [HEADERS.requestedWith]: '' },
      { origin: '', [HEADERS.requestedWith]: REQUESTED_WITH_SITE },
    ]) {
      const response = await harness.app.inject({
        method: 'PUT',
        url: `/api${billingPath()}`,
        headers: { cookie, 'content-type': 'application/json', ...headers },
        payload: JSON.stringify(profile),
      });
      assert.equal(response.statusCode, 403, JSON.stringify(headers));
      assert.equal(response.json().code, ERROR_CODES.crossSiteRequest);
    }
    assert.equal(harness.partnerCenter.requests.length, 0);
  });

  test('forwards only the calls the widget makes', async () => {
    for (const [method, path] of [
      ['GET', '/v1/customers/abc/subscriptions'],
      ['GET', '/v1/invoices'],
      ['GET', '/v1/customers/..%2F..%2Fusers'],
      ['GET', '/v1/customers/../users'],
      ['POST', '/v1/customers'],
      ['GET', '/v1/countryvalidationrules/USA'],
    ] as const) {
      const response = await harness.api(method, path, { cookie });
      assert.equal(response.statusCode, 404, `${method} ${path}`);
    }
    assert.equal(harness.partnerCenter.requests.length, 0);
  });

  test('refreshes an access token about to expire, once for calls at the same time', async () => {
    harness.entra.accessTokenLifetimeS = 3600;
    harness.clock.now += 3600 * 1000 - REFRESH_BEFORE_EXPIRY_MS + 1000;
    const refreshesBefore = harness.entra.grants.filter((g) => g.grantType === 'refresh_token');
    const responses = await Promise.all(
      [customerPath(), billingPath(), '/v1/countryvalidationrules/US'].map((path) =>
        harness.api('GET', path, { cookie }),
      ),
    );
    assert.deepEqual(
      responses.map((response) => response.statusCode),
      [200, 200, 200],
    );
    const refreshes = harness.entra.grants.filter((g) => g.grantType === 'refresh_token');
    assert.equal(refreshes.length - refreshesBefore.length, 1);
    const fresh = `Bearer ${harness.entra.accessTokens.at(-1)}`;
    for (const request of harness.partnerCenter.requests)
      assert.equal(request.headers.authorization, fresh);
  });

  test('a refused refresh signs the user out: 401 with the sign-in URL, and the session is gone', async () => {
    harness.entra.refusesRefresh = true;
    harness.clock.now += 3600 * 1000;
    const response = await harness.api('GET', customerPath(), { cookie });
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().signInUrl, AUTH_PATHS.signIn);
    assert.match(String(response.headers['set-cookie']), /Expires=Thu, 01 Jan 1970/);
    const session = await harness.app.inject({
      method: 'GET',
      url: AUTH_PATHS.session,
      headers: { cookie },
    });
    assert.equal(session.json().signedIn, false);
    assert.equal(harness.partnerCenter.requests.length, 0);
    assert.ok(harness.logs.every((line) => !line.includes(harness.entra.accessTokens.at(-1)!)));
  });

  test('passes 429 with Retry-After and a 5xx through as they are', async () => {
    const throttled = {
      code: 429,
      description: 'Too many requests',
      data: [],
      source: 'PartnerFD',
    };
    harness.partnerCenter.failNext(429, { 'Retry-After': '17' }, throttled);
    const first = await harness.api('GET', customerPath(), { cookie });
    assert.equal(first.statusCode, 429);
    assert.equal(first.headers['retry-after'], '17');
    assert.deepEqual(first.json(), throttled);

    const outage = { code: 800003, description: 'Unexpected error', data: [], source: 'PartnerFD' };
    harness.partnerCenter.failNext(503, { 'Retry-After': '5' }, outage);
    const second = await harness.api('GET', customerPath(), { cookie });
    assert.equal(second.statusCode, 503);
    assert.equal(second.headers['retry-after'], '5');
    assert.deepEqual(second.json(), outage);
  });

  test('sends a failed PUT once: it is not retried', async () => {
    const profile = harness.partnerCenter.billingProfile() as { attributes: { etag: string } };
    harness.partnerCenter.failNext(500, {}, { code: 800003, description: 'x', data: [] });
    const response = await harness.api('PUT', billingPath(), {
      cookie,
      body: profile,
      headers: { [HEADERS.ifMatch]: `"${profile.attributes.etag}"`, [HEADERS.requestId]: 'put-2' },
    });
    assert.equal(response.statusCode, 500);
    assert.equal(harness.partnerCenter.requests.length, 1);
  });

  test('a gateway’s HTML error page or an empty error becomes the error shape', async () => {
    harness.partnerCenter.failNext(
      502,
      { 'Content-Type': 'text/html' },
      '<html><body>Bad gateway</body></html>',
    );
    const response = await harness.api('GET', customerPath(), { cookie });
    assert.equal(response.statusCode, 502);
    assert.equal(response.json().code, ERROR_CODES.internal);
    harness.partnerCenter.failNext(503, { 'Retry-After': '9' }, undefined);
    const empty = await harness.api('GET', customerPath(), { cookie });
    assert.equal(empty.statusCode, 503);
    assert.equal(empty.headers['retry-after'], '9');
    assert.equal(empty.json().code, ERROR_CODES.serviceUnavailable);
  });

  test('logs one line per proxied call: method, path, status, upstream time, correlation id, no token', async () => {
    await harness.api('GET', customerPath(), {
      cookie,
      headers: { [HEADERS.correlationId]: 'corr-log-1' },
    });
    assert.equal(harness.logs.length, 1);
    assert.match(
      harness.logs[0] ?? '',
      new RegExp(`^GET /api${customerPath()} 200 [\\d.]+ms upstream [\\d.]+ms corr-log-1$`),
    );
    const secrets = [...harness.entra.accessTokens, cookie.split('=')[1]!];
    for (const secret of secrets) assert.ok(!harness.logs[0]!.includes(secret));
  });
});

test('an upstream 401 (the token no longer works) ends the session and asks to sign in', async () => {
  harness.partnerCenter.failNext(401, {}, { code: 401, description: 'Unauthorized', data: [] });
  const response = await harness.api('GET', customerPath(), { cookie });
  assert.equal(response.statusCode, 401);
  assert.equal(response.json().signInUrl, AUTH_PATHS.signIn);
  const again = await harness.api('GET', customerPath(), { cookie });
  assert.equal(again.statusCode, 401);
  assert.equal(harness.partnerCenter.requests.length, 1);
});
