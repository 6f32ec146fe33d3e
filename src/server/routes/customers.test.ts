import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  CustomerCollectionSchema,
  CustomerSchema,
  foldForSearch,
  type CustomerFilter,
  ERROR_CODES,
  type CustomerSummary,
} from '../../contract/index.ts';
import type { RunningServer } from '../app.ts';
import { WELL_KNOWN_CUSTOMERS } from '../seed.ts';
import { startTestServer } from '../test-helpers.ts';

let server: RunningServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

async function page(query: string, token?: string) {
  const response = await fetch(`${server.apiUrl}/v1/customers${query}`, {
    headers: token ? { 'MS-ContinuationToken': token } : {},
  });
  assert.equal(response.status, 200, await response.clone().text());
  return CustomerCollectionSchema.parse(await response.json());
}

/** Follows `links.next` until the last page, the way a client would. */
async function walk(size: number, filter?: CustomerFilter): Promise<CustomerSummary[]> {
  const query = new URLSearchParams({
    size: String(size),
    ...(filter ? { filter: JSON.stringify(filter) } : {}),
  });
  let current = await page(`?${query}`);
  const items = [...current.items];
  while (current.links?.next) {
    const next = current.links.next;
    assert.equal(next.headers?.[0]?.value, current.continuationToken);
    current = await page(next.uri.replace('/v1/customers', ''), next.headers?.[0]?.value);
    assert.ok(current.items.length <= size);
    items.push(...current.items);
  }
  assert.equal(current.continuationToken, undefined);
  return items;
}

function byName(value: string): CustomerFilter {
  return { Field: 'CompanyName', Value: value, Operator: 'starts_with' };
}

test('pages through every customer exactly once', async () => {
  const items = await walk(97);
  const ids = items.map((item) => item.id);
  assert.equal(ids.length, server.store?.count());
  assert.equal(new Set(ids).size, ids.length);
});

test('returns 20 customers when no size is given', async () => {
  const first = await page('');
  assert.equal(first.items.length, 20);
  assert.equal(first.totalCount, 20);
  assert.ok(first.continuationToken);
});

test('lists customers as Partner Center does: the company profile without an address', async () => {
  const first = await page('?size=50');
  for (const item of first.items) {
    assert.deepEqual(Object.keys(item.companyProfile).sort(), [
      'attributes',
      'companyName',
      'domain',
      'tenantId',
    ]);
  }
});

test('pages through a search exactly once and finds every match', async () => {
  const all = await walk(500);
  const expected = all
    .filter((item) => foldForSearch(item.companyProfile.companyName).startsWith('株式会社'))
    .map((item) => item.id);
  const found = (await walk(13, byName('株式会社'))).map((item) => item.id);
  assert.ok(expected.length > 50);
  assert.deepEqual([...found].sort(), [...expected].sort());
  assert.equal(new Set(found).size, found.length);
});

const SEARCHES: [label: string, filter: CustomerFilter, expectedId: string][] = [
  ['ignores case', byName('CONTOSO, LTD'), WELL_KNOWN_CUSTOMERS.american.id],
  [
    'matches half-width katakana to full-width',
    byName('ｶﾌﾞｼｷｶﾞｲｼｬ'),
    WELL_KNOWN_CUSTOMERS.katakana.id,
  ],
  ['matches ASCII to full-width Latin', byName('abc商事'), WELL_KNOWN_CUSTOMERS.fullWidthLatin.id],
  [
    'matches full-width Latin to ASCII',
    byName('ＣＯＮＴＯＳＯ，'),
    WELL_KNOWN_CUSTOMERS.american.id,
  ],
  ['finds Traditional Chinese names', byName('永信科技股份'), WELL_KNOWN_CUSTOMERS.taiwanese.id],
  ['finds markup as plain text', byName('<img'), WELL_KNOWN_CUSTOMERS.hostileImage.id],
  [
    'searches domains',
    { Field: 'Domain', Value: 'SAKURASHOJI.', Operator: 'starts_with' },
    WELL_KNOWN_CUSTOMERS.japanese.id,
  ],
];

for (const [label, filter, expectedId] of SEARCHES) {
  test(`search ${label}`, async () => {
    const items = await walk(50, filter);
    assert.ok(items.some((item) => item.id === expectedId));
    const field = filter.Field === 'Domain' ? 'domain' : 'companyName';
    for (const item of items)
      assert.ok(foldForSearch(item.companyProfile[field]).startsWith(foldForSearch(filter.Value)));
  });
}

test('returns an empty page when nothing matches', async () => {
  const result = await page(
    `?filter=${encodeURIComponent(JSON.stringify(byName('zzzz-nothing')))}`,
  );
  assert.deepEqual(result.items, []);
  assert.equal(result.links?.next, undefined);
});

const BAD_LISTS: [label: string, query: string, headers: Record<string, string>, field: string][] =
  [
    ['a page size over 500', '?size=501', {}, 'size'],
    ['a page size of zero', '?size=0', {}, 'size'],
    ['a filter that is not JSON', '?filter=%7Bnope', {}, 'filter'],
    [
      'a filter on an unknown field',
      `?filter=${encodeURIComponent('{"Field":"Email","Value":"a","Operator":"starts_with"}')}`,
      {},
      'filter',
    ],
    [
      'a continuation token that is not one',
      '?seekOperation=Next',
      { 'MS-ContinuationToken': 'bm9wZQ' },
      'MS-ContinuationToken',
    ],
    ['Next without a continuation token', '?seekOperation=Next', {}, 'MS-ContinuationToken'],
    [
      'an unknown seek operation',
      '?seekOperation=Previous',
      { 'MS-ContinuationToken': 'x' },
      'seekOperation',
    ],
  ];

for (const [label, query, headers, field] of BAD_LISTS) {
  test(`answers 400 naming ${field} for ${label}`, async () => {
    const response = await fetch(`${server.apiUrl}/v1/customers${query}`, { headers });
    assert.equal(response.status, 400);
    const body = await response.json();
    assert.equal(body.code, ERROR_CODES.badRequest);
    assert.equal(body.data[0].field, field);
  });
}

test('rejects a continuation token used with a different filter', async () => {
  const first = await page(
    `?size=5&filter=${encodeURIComponent(JSON.stringify(byName('株式会社')))}`,
  );
  const other = encodeURIComponent(JSON.stringify(byName('合同会社')));
  const response = await fetch(`${server.apiUrl}/v1/customers?seekOperation=Next&filter=${other}`, {
    headers: { 'MS-ContinuationToken': first.continuationToken! },
  });
  assert.equal(response.status, 400);
});

test('returns one customer with its company and billing profiles', async () => {
  const response = await fetch(`${server.apiUrl}/v1/customers/${WELL_KNOWN_CUSTOMERS.japanese.id}`);
  assert.equal(response.status, 200);
  const customer = CustomerSchema.parse(await response.json());
  assert.equal(customer.companyProfile.companyName, '株式会社さくら商事');
  assert.equal(customer.companyProfile.address?.postalCode, '100-0005');
  assert.equal(customer.billingProfile?.defaultAddress.state, 'Tokyo');
});

test('returns hostile names exactly as stored', async () => {
  const response = await fetch(
    `${server.apiUrl}/v1/customers/${WELL_KNOWN_CUSTOMERS.hostileScript.id}`,
  );
  const customer = CustomerSchema.parse(await response.json());
  assert.equal(customer.companyProfile.companyName, '"><script>alert(1)</script>');
});

test('answers 404 with the customer-not-found code for an unknown customer', async () => {
  const response = await fetch(
    `${server.apiUrl}/v1/customers/00000000-0000-0000-0000-000000000000`,
  );
  assert.equal(response.status, 404);
  assert.equal((await response.json()).code, ERROR_CODES.customerNotFound);
});
