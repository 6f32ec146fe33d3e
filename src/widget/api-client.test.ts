import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ERROR_CODES } from '../contract/index.ts';
import type { RunningServer } from '../server/app.ts';
import { WELL_KNOWN_CUSTOMERS } from '../server/seed.ts';
import { startTestServer } from '../server/test-helpers.ts';
import { AccountsClient, ApiClientError, parseRetryAfter } from './api-client.ts';
import { formValuesFrom, toUpdateBody } from './profile-form.ts';
import { japaneseProfile } from './test-fixtures.ts';

type Call = { url: string; method: string; headers: Record<string, string>; body?: string };
type Reply = { status?: number; body?: unknown; headers?: Record<string, string> } | Error;

/** A fake fetch that records calls and answers from a queue (the last answer repeats). */
function fakeFetch(...replies: Reply[]) {
  const calls: Call[] = [];
  const fetch = async (input: string | URL | Request, init: RequestInit = {}) => {
    calls.push({
      url: String(input),
      method: init.method ?? 'GET',
      headers: Object.fromEntries(Object.entries(init.headers ?? {})),
      ...(typeof init.body === 'string' ? { body: init.body } : {}),
    });
    const reply = replies.length > 1 ? replies.shift() : replies[0];
    if (reply instanceof Error) throw reply;
    const { status = 200, body, headers = {} } = reply ?? {};
    return new Response(typeof body === 'string' ? body : JSON.stringify(body ?? null), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

const link = { uri: '/v1/customers', method: 'GET', headers: [] };
const customer = (id: string, companyName = `Company ${id}`) => ({
  id,
  companyProfile: {
    tenantId: id,
    domain: `${id}.onmicrosoft.com`,
    companyName,
    address: { country: 'JP', state: 'Tokyo', city: '千代田区' },
  },
  relationshipToPartner: 'reseller',
  links: { self: link },
  attributes: { objectType: 'Customer' },
});
const page = (ids: string[], token?: string) => ({
  totalCount: ids.length,
  items: ids.map((id) => customer(id)),
  ...(token ? { continuationToken: token } : {}),
  links: { self: link },
  attributes: { objectType: 'Collection' },
});
const apiError = (code: number, messageKey: string, data?: unknown[]) => ({
  code,
  description: 'English text',
  messageKey,
  ...(data ? { data } : {}),
  source: 'test',
});
const profile = japaneseProfile;

function client(fetch: typeof globalThis.fetch, options = {}) {
  return new AccountsClient({
    endpoint: 'https://api.example/api/',
    fetch,
    retryDelayMs: 1,
    correlationId: 'session-1',
    ...options,
  });
}

async function failure(promise: Promise<unknown>): Promise<ApiClientError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ApiClientError, String(error));
    return error;
  }
  assert.fail('expected the call to fail');
}

describe('AccountsClient with a fake fetch', () => {
  test('lists the first page with the filter as URL-encoded JSON and the correlation id', async () => {
    const { fetch, calls } = fakeFetch({ body: page(['a', 'b'], 'token-1') });
    const result = await client(fetch).listCustomers({
      size: 2,
      filter: { Field: 'CompanyName', Value: 'A&B "Co"', Operator: 'starts_with' },
    });
    assert.equal(result.continuationToken, 'token-1');
    const url = new URL(calls[0]?.url ?? '');
    assert.equal(url.origin + url.pathname, 'https://api.example/api/v1/customers');
    assert.deepEqual(JSON.parse(url.searchParams.get('filter') ?? ''), {
      Field: 'CompanyName',
      Value: 'A&B "Co"',
      Operator: 'starts_with',
    });
    assert.equal(url.searchParams.get('size'), '2');
    assert.equal(calls[0]?.headers['MS-CorrelationId'], 'session-1');
    assert.equal(calls[0]?.headers['MS-ContinuationToken'], undefined);
  });

  test('asks for the next page with seekOperation=Next and the continuation token header', async () => {
    const { fetch, calls } = fakeFetch({ body: page(['c']) });
    const result = await client(fetch).listCustomers({ continuationToken: 'token-1' });
    assert.equal(result.continuationToken, undefined);
    assert.match(calls[0]?.url ?? '', /\?seekOperation=Next$/);
    assert.equal(calls[0]?.headers['MS-ContinuationToken'], 'token-1');
  });

  test('sends If-Match quoted and MS-RequestId on an update, and never retries it by itself', async () => {
    const { fetch, calls } = fakeFetch({
      status: 503,
      body: apiError(2091, 'error.serviceUnavailable'),
    });
    const error = await failure(
      client(fetch).updateBillingProfile(
        'customer-1',
        toUpdateBody(profile, formValuesFrom(profile)),
        {
          etag: 'etag-1',
          requestId: 'request-1',
        },
      ),
    );
    assert.equal(calls.length, 1);
    assert.equal(calls[0]?.method, 'PUT');
    assert.equal(calls[0]?.headers['If-Match'], '"etag-1"');
    assert.equal(calls[0]?.headers['MS-RequestId'], 'request-1');
    assert.equal(calls[0]?.headers['Content-Type'], 'application/json');
    assert.equal(error.status, 503);
    assert.equal(error.retryable, true);
    assert.equal(error.messageKey, 'error.serviceUnavailable');
  });

  test('retries a read after a network failure and a 500, then succeeds', async () => {
    const { fetch, calls } = fakeFetch(
      new TypeError('fetch failed'),
      { status: 500, body: apiError(2090, 'error.internal') },
      { body: profile },
    );
    const result = await client(fetch).getBillingProfile('customer-1');
    assert.equal(result.attributes.etag, 'etag-1');
    assert.equal(calls.length, 3);
  });

  test('gives up on a read after the allowed retries with a network error', async () => {
    const { fetch, calls } = fakeFetch(new TypeError('fetch failed'));
    const error = await failure(client(fetch, { retries: 1 }).getCustomer('x'));
    assert.equal(error.kind, 'network');
    assert.equal(error.messageKey, 'status.network');
    assert.equal(calls.length, 2);
  });

  test('does not retry a 4xx read', async () => {
    const { fetch, calls } = fakeFetch({
      status: 404,
      body: apiError(2021, 'error.customerNotFound'),
    });
    const error = await failure(client(fetch).getCustomer('missing'));
    assert.equal(calls.length, 1);
    assert.equal(error.messageKey, 'error.customerNotFound');
    assert.equal(error.code, 2021);
    assert.equal(error.retryable, false);
  });

  test('times out a hanging request with the AbortController and reports a timeout', async () => {
    let aborted = false;
    const hanging = ((_input: unknown, init: RequestInit = {}) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => {
          aborted = true;
          reject(new DOMException('aborted', 'AbortError'));
        });
      })) as typeof globalThis.fetch;
    const error = await failure(client(hanging, { timeoutMs: 20, retries: 0 }).getCustomer('x'));
    assert.equal(aborted, true);
    assert.equal(error.kind, 'timeout');
    assert.equal(error.messageKey, 'status.timeout');
    assert.equal(error.retryable, true);
  });

  test('reports a caller abort as aborted and does not retry it', async () => {
    const controller = new AbortController();
    let calls = 0;
    const hanging = ((_input: unknown, init: RequestInit = {}) => {
      calls++;
      return new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
      });
    }) as typeof globalThis.fetch;
    const pending = client(hanging).listCustomers({ signal: controller.signal });
    controller.abort();
    const error = await failure(pending);
    assert.equal(error.kind, 'aborted');
    assert.equal(calls, 1);
  });

  test('turns a response that breaks the schema into an invalidResponse error, not a crash', async () => {
    const { fetch } = fakeFetch({ body: { items: 'not a list' } });
    const error = await failure(client(fetch, { retries: 0 }).listCustomers());
    assert.equal(error.kind, 'invalidResponse');
    assert.equal(error.messageKey, 'status.invalidResponse');
  });

  test('turns a success that is not JSON into an invalidResponse error', async () => {
    const { fetch } = fakeFetch({ body: '<html>proxy page</html>' });
    const error = await failure(client(fetch).getCustomer('x'));
    assert.equal(error.kind, 'invalidResponse');
  });

  const statusTable: [number, unknown, string][] = [
    [
      400,
      apiError(ERROR_CODES.badRequest, 'error.badRequest', [
        {
          field: 'defaultAddress.postalCode',
          messageKey: 'validation.postalCode.format',
          params: { example: '100-0001' },
        },
      ]),
      'error.badRequest',
    ],
    [401, apiError(ERROR_CODES.unauthorized, 'error.unauthorized'), 'error.unauthorized'],
    [403, { message: 'Forbidden' }, 'status.forbidden'],
    [404, '', 'error.notFound'],
    [412, { code: 2055 }, 'error.concurrencyConflict'],
    [
      428,
      apiError(ERROR_CODES.preconditionRequired, 'error.preconditionRequired'),
      'error.preconditionRequired',
    ],
    [
      429,
      { statusCode: 429, message: 'Rate limit is exceeded. Try again in 7 seconds.' },
      'error.tooManyRequests',
    ],
    [500, 'Internal Server Error', 'error.internal'],
    [502, { unexpected: true }, 'error.internal'],
    [
      409,
      { ...apiError(ERROR_CODES.idempotencyKeyReused, 'not.a.key') },
      'error.idempotencyKeyReused',
    ],
    [
      400,
      { code: 2001, description: 'Subscription quantity…', data: [], source: 'PartnerFD' },
      'error.badRequest',
    ],
  ];
  for (const [status, body, messageKey] of statusTable) {
    test(`maps a ${status} to ${messageKey}`, async () => {
      const { fetch } = fakeFetch({
        status,
        body,
        headers: status === 429 ? { 'Retry-After': '7' } : {},
      });
      const error = await failure(
        client(fetch, { retries: 0 }).updateBillingProfile(
          'c',
          toUpdateBody(profile, formValuesFrom(profile)),
          {
            etag: 'e',
            requestId: 'r',
          },
        ),
      );
      assert.equal(error.kind, 'http');
      assert.equal(error.status, status);
      assert.equal(error.messageKey, messageKey);
      if (JSON.stringify(body).includes('postalCode'))
        assert.equal(error.fieldIssues[0]?.field, 'defaultAddress.postalCode');
      else assert.deepEqual(error.fieldIssues, []);
      assert.equal(error.conflict, status === 412);
      if (status === 429) assert.equal(error.retryAfterSeconds, 7);
    });
  }

  test('keeps the sign-in URL of a 401 (signInRequired), and only of a 401', async () => {
    const body = {
      ...apiError(ERROR_CODES.signInRequired, 'error.signInRequired'),
      signInUrl: '/auth/sign-in',
    };
    const signIn = await failure(
      client(fakeFetch({ status: 401, body }).fetch, { retries: 0 }).getAccount('c'),
    );
    assert.equal(signIn.messageKey, 'error.signInRequired');
    assert.equal(signIn.signInUrl, '/auth/sign-in');
    const other = await failure(
      client(fakeFetch({ status: 400, body }).fetch, { retries: 0 }).getAccount('c'),
    );
    assert.equal(other.signInUrl, undefined);
  });

  for (const code of [2055, '2055']) {
    test(`recognises a stale ETag as Partner Center reports it: 400 with code ${JSON.stringify(code)}`, async () => {
      const { fetch } = fakeFetch({
        status: 400,
        body: { code, description: 'Etag is no longer valid', data: [], source: 'PartnerFD' },
      });
      const error = await failure(
        client(fetch).updateBillingProfile('c', toUpdateBody(profile, formValuesFrom(profile)), {
          etag: 'e',
          requestId: 'r',
        }),
      );
      assert.equal(error.conflict, true);
      assert.equal(error.code, 2055);
      assert.equal(error.messageKey, 'error.concurrencyConflict');
    });
  }

  test('sends the headers Partner Center documents on every request', async () => {
    const { fetch, calls } = fakeFetch({ body: page(['a']) });
    await client(fetch, { locale: 'ja-JP' }).listCustomers();
    const headers = calls[0]?.headers ?? {};
    assert.equal(headers['Accept'], 'application/json');
    assert.equal(headers['X-Locale'], 'ja-JP');
    assert.equal(headers['MS-CorrelationId'], 'session-1');
    assert.match(headers['MS-RequestId'] ?? '', /^[0-9a-f-]{36}$/);
  });

  test('marks every call as the site’s own (X-Requested-With), so the proxy takes its PUT', async () => {
    const { fetch, calls } = fakeFetch({ body: page(['a']) });
    await client(fetch).listCustomers();
    assert.equal(calls[0]?.headers['X-Requested-With'], 'partner-help');
  });

  test('keeps one MS-RequestId across the automatic retries of one call, a new one per call', async () => {
    const { fetch, calls } = fakeFetch({ status: 503, body: '' }, { body: page(['a']) });
    const accounts = client(fetch);
    await accounts.listCustomers();
    await accounts.listCustomers();
    const ids = calls.map((call) => call.headers['MS-RequestId']);
    assert.equal(ids[0], ids[1]);
    assert.notEqual(ids[1], ids[2]);
  });

  test('sends the ETag in attributes.etag and in If-Match, and every field it was given', async () => {
    const { fetch, calls } = fakeFetch({ body: profile });
    const body = toUpdateBody({ ...profile, futureField: { kept: true } }, formValuesFrom(profile));
    await client(fetch).updateBillingProfile('c', body, { etag: '-42', requestId: 'r' });
    const sent = JSON.parse(calls[0]?.body ?? '{}');
    assert.equal(calls[0]?.headers['If-Match'], '"-42"');
    assert.equal(calls[0]?.headers['MS-RequestId'], 'r');
    assert.equal(sent.attributes.etag, '-42');
    assert.deepEqual(sent.futureField, { kept: true });
  });

  test('reads the 2017 address check: an empty 200 is verified', async () => {
    const { fetch } = fakeFetch({ body: '' });
    const result = await client(fetch).validateAddress({ country: 'US', city: 'Redmond' });
    assert.equal(result.status, 'Verified');
  });

  test('reads the 2017 address check: 400/2007 offers the corrected address', async () => {
    const description = JSON.stringify({
      code: '60071',
      reason: 'ZipCityInvalid - Field - &#39;City&#39; is corrected',
      corrected_address: { country: 'US', region: 'WA', city: 'BELLEVUE', postal_code: '98007' },
    });
    const { fetch } = fakeFetch({
      status: 400,
      body: { code: 2007, description, data: [], source: 'PartnerFD' },
    });
    const result = await client(fetch).validateAddress({
      country: 'US',
      city: 'Redmond',
      state: 'WA',
      addressLine1: 'One Microsoft Way',
      postalCode: '98007',
    });
    assert.equal(result.status, 'InteractionRequired');
    assert.equal(result.suggestedAddresses?.[0]?.city, 'BELLEVUE');
    assert.equal(result.validationMessage, "ZipCityInvalid - Field - 'City' is corrected");
  });

  test('asks for the billing profile when the customer came without one', async () => {
    const { billingProfile: _billing, ...bare } = {
      ...customer('c1'),
      billingProfile: profile,
    };
    const { fetch, calls } = fakeFetch({ body: bare }, { body: profile });
    const account = await client(fetch).getAccount('c1');
    assert.equal(account.billingProfile.id, profile.id);
    assert.match(calls[1]?.url ?? '', /\/v1\/customers\/c1\/profiles\/billing$/);
  });

  test('reads Retry-After as seconds or as an HTTP date', () => {
    assert.equal(parseRetryAfter('120'), 120);
    assert.equal(parseRetryAfter(new Date(61_000).toUTCString(), 0), 61);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter(null), undefined);
  });

  test('fetches the rules of a country once, and again after a failure', async () => {
    const rules = (await import('../server/country-rules-data.ts')).getCountryRules('JP');
    const { fetch, calls } = fakeFetch({ status: 500, body: '' }, { body: rules });
    const accounts = client(fetch, { retries: 0 });
    await failure(accounts.getCountryRules('jp'));
    await accounts.getCountryRules('JP');
    await accounts.getCountryRules('jp');
    assert.equal(calls.length, 2);
    assert.match(calls[1]?.url ?? '', /\/v1\/countryvalidationrules\/JP$/);
  });
});

describe('AccountsClient against the reference server', () => {
  let server: RunningServer;
  let accounts: AccountsClient;
  before(async () => {
    server = await startTestServer({ faults: true });
    accounts = new AccountsClient({ endpoint: server.apiUrl, retryDelayMs: 1 });
  });
  after(() => server.close());

  test('pages through a search with continuation tokens without repeats', async () => {
    const filter = { Field: 'Domain', Value: 'hostile', Operator: 'starts_with' } as const;
    const first = await accounts.listCustomers({ size: 1, filter });
    assert.equal(first.items.length, 1);
    assert.ok(first.continuationToken);
    const second = await accounts.listCustomers({ continuationToken: first.continuationToken });
    const names = [...first.items, ...second.items].map((item) => item.companyProfile.companyName);
    assert.deepEqual(
      names.sort(),
      [
        WELL_KNOWN_CUSTOMERS.hostileScript.companyName,
        WELL_KNOWN_CUSTOMERS.hostileImage.companyName,
      ].sort(),
    );
    assert.equal(second.continuationToken, undefined);
  });

  test('updates a billing profile, then gets 400/2055 with the old ETag and the same id replays', async () => {
    const id = WELL_KNOWN_CUSTOMERS.american.id;
    const current = await accounts.getBillingProfile(id);
    const values = { ...formValuesFrom(current), city: 'Bellevue', postalCode: '98004' };
    const body = toUpdateBody(current, values);
    const options = { etag: current.attributes.etag, requestId: crypto.randomUUID() };
    const updated = await accounts.updateBillingProfile(id, body, options);
    assert.equal(updated.defaultAddress.city, 'Bellevue');
    assert.notEqual(updated.attributes.etag, current.attributes.etag);

    const replay = await accounts.updateBillingProfile(id, body, options);
    assert.equal(replay.attributes.etag, updated.attributes.etag);

    const stale = await failure(
      accounts.updateBillingProfile(id, body, { ...options, requestId: crypto.randomUUID() }),
    );
    assert.equal(stale.status, 400);
    assert.equal(stale.code, 2055);
    assert.equal(stale.conflict, true);
  });

  test('maps the server’s 400 field errors to their contract paths and keys', async () => {
    const id = WELL_KNOWN_CUSTOMERS.japanese.id;
    const current = await accounts.getBillingProfile(id);
    const body = toUpdateBody(current, { ...formValuesFrom(current), postalCode: 'ABC' });
    const error = await failure(
      accounts.updateBillingProfile(id, body, {
        etag: current.attributes.etag,
        requestId: crypto.randomUUID(),
      }),
    );
    assert.equal(error.status, 400);
    assert.deepEqual(
      error.fieldIssues.map((issue) => [issue.field, issue.messageKey]),
      [['defaultAddress.postalCode', 'validation.postalCode.format']],
    );
  });

  test('retries the same edit after a 500 that committed and gets the committed result', async () => {
    const id = WELL_KNOWN_CUSTOMERS.taiwanese.id;
    const current = await accounts.getBillingProfile(id);
    const body = toUpdateBody(current, { ...formValuesFrom(current), addressLine2: '36樓' });
    const faulty = new AccountsClient({
      endpoint: server.apiUrl,
      fetch: (input, init) =>
        fetch(input, {
          ...init,
          headers: { ...init?.headers, 'X-Test-Fault': '500-after-commit-once' },
        }),
    });
    const options = { etag: current.attributes.etag, requestId: crypto.randomUUID() };
    const error = await failure(faulty.updateBillingProfile(id, body, options));
    assert.equal(error.status, 500);
    assert.equal(error.retryable, true);
    const retried = await faulty.updateBillingProfile(id, body, options);
    assert.equal(retried.defaultAddress.addressLine2, '36樓');
  });

  test('reads a 429 with its Retry-After from the fault switch', async () => {
    const limited = new AccountsClient({
      endpoint: server.apiUrl,
      fetch: (input, init) =>
        fetch(input, { ...init, headers: { ...init?.headers, 'X-Test-Fault': '429' } }),
    });
    const error = await failure(limited.getCustomer(WELL_KNOWN_CUSTOMERS.japanese.id));
    assert.equal(error.status, 429);
    assert.equal(error.retryAfterSeconds, 1);
    assert.equal(error.messageKey, 'error.tooManyRequests');
  });

  test('validates an address and suggests the canonical postal code', async () => {
    const result = await accounts.validateAddress({
      country: 'JP',
      state: 'Tokyo',
      city: '千代田区',
      addressLine1: '丸の内1-1-1',
      postalCode: '１０００００５',
    });
    assert.equal(result.status, 'InteractionRequired');
    assert.equal(result.suggestedAddresses?.[0]?.postalCode, '100-0005');
  });
});
