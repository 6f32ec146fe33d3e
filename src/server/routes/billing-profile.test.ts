import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  ApiErrorSchema,
  CustomerBillingProfileSchema,
  ERROR_CODES,
  type CustomerBillingProfile,
} from '../../contract/index.ts';
import type { RunningServer } from '../app.ts';
import { WELL_KNOWN_CUSTOMERS } from '../seed.ts';
import { sendJson, startTestServer } from '../test-helpers.ts';

let server: RunningServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

const profileUrl = (id: string) => `${server.apiUrl}/v1/customers/${id}/profiles/billing`;

async function load(id: string): Promise<{ profile: CustomerBillingProfile; etag: string }> {
  const response = await fetch(profileUrl(id));
  assert.equal(response.status, 200);
  const profile = CustomerBillingProfileSchema.parse(await response.json());
  assert.equal(response.headers.get('etag'), `"${profile.attributes.etag}"`);
  return { profile, etag: response.headers.get('etag')! };
}

function put(id: string, body: unknown, headers: Record<string, string>) {
  return sendJson(profileUrl(id), 'PUT', body, headers);
}

test('saves an update and returns it with a new ETag', async () => {
  const id = WELL_KNOWN_CUSTOMERS.japanese.id;
  const { profile, etag } = await load(id);
  const changed = {
    ...profile,
    defaultAddress: { ...profile.defaultAddress, city: '港区', postalCode: '105-0011' },
  };
  const response = await put(id, changed, { 'If-Match': etag });
  assert.equal(response.status, 200);
  const saved = CustomerBillingProfileSchema.parse(await response.json());
  assert.notEqual(response.headers.get('etag'), etag);
  assert.equal(response.headers.get('etag'), `"${saved.attributes.etag}"`);
  assert.equal(saved.defaultAddress.city, '港区');
  assert.deepEqual((await load(id)).profile, saved);
});

test('renames the customer in the list when the billing company name changes', async () => {
  const id = WELL_KNOWN_CUSTOMERS.american.id;
  const { profile, etag } = await load(id);
  const response = await put(
    id,
    { ...profile, companyName: 'Contoso Renamed Zeta Inc.' },
    { 'If-Match': etag },
  );
  assert.equal(response.status, 200);
  const filter = encodeURIComponent(
    JSON.stringify({
      Field: 'CompanyName',
      Value: 'contoso renamed zeta',
      Operator: 'starts_with',
    }),
  );
  const list = await (await fetch(`${server.apiUrl}/v1/customers?filter=${filter}`)).json();
  assert.deepEqual(
    list.items.map((item: { id: string }) => item.id),
    [id],
  );
});

test('answers a stale ETag as Partner Center does: 400 with code 2055', async () => {
  const id = WELL_KNOWN_CUSTOMERS.taiwanese.id;
  const { profile, etag } = await load(id);
  assert.equal((await put(id, profile, { 'If-Match': etag })).status, 200);
  const stale = await put(id, { ...profile, firstName: '家豪' }, { 'If-Match': etag });
  assert.equal(stale.status, 400);
  const body = await stale.json();
  assert.equal(body.code, 2055);
  assert.equal(body.messageKey, 'error.concurrencyConflict');
  assert.notEqual((await load(id)).profile.firstName, '家豪');
});

test('takes the ETag from the body’s attributes.etag when there is no If-Match', async () => {
  const id = WELL_KNOWN_CUSTOMERS.katakana.id;
  const { profile } = await load(id);
  const saved = await put(id, { ...profile, firstName: 'ハナ' }, {});
  assert.equal(saved.status, 200);
  const stale = await put(id, { ...profile, firstName: 'ユキ' }, {});
  assert.equal(stale.status, 400);
  assert.equal((await stale.json()).code, 2055);
});

test('answers 428 with neither If-Match nor attributes.etag', async () => {
  const { profile } = await load(WELL_KNOWN_CUSTOMERS.japanese.id);
  const { attributes: _attributes, ...withoutEtag } = profile;
  const response = await put(WELL_KNOWN_CUSTOMERS.japanese.id, withoutEtag, {});
  assert.equal(response.status, 428);
  assert.equal((await response.json()).code, ERROR_CODES.preconditionRequired);
});

test('saves when If-Match lists the current ETag among others', async () => {
  const id = WELL_KNOWN_CUSTOMERS.japanese.id;
  const { profile, etag } = await load(id);
  const response = await put(id, profile, { 'If-Match': `"stale-1", W/"stale-2" , ${etag}` });
  assert.equal(response.status, 200);
});

test('saves with If-Match: * when the profile exists', async () => {
  const id = WELL_KNOWN_CUSTOMERS.japanese.id;
  const { profile, etag } = await load(id);
  const response = await put(id, { ...profile, firstName: '星' }, { 'If-Match': '*' });
  assert.equal(response.status, 200);
  assert.notEqual(response.headers.get('etag'), etag);
  assert.equal((await load(id)).profile.firstName, '星');
});

test('answers 400/2055 for the current ETag sent as weak, since If-Match compares strongly', async () => {
  const id = WELL_KNOWN_CUSTOMERS.japanese.id;
  const { profile, etag } = await load(id);
  const response = await put(id, { ...profile, firstName: '弱' }, { 'If-Match': `W/${etag}` });
  assert.equal(response.status, 400);
  assert.equal((await response.json()).code, 2055);
  assert.equal((await load(id)).etag, etag);
});

test('answers 404 for If-Match: * on an unknown customer', async () => {
  const { profile } = await load(WELL_KNOWN_CUSTOMERS.japanese.id);
  assert.equal((await put('no-such-customer', profile, { 'If-Match': '*' })).status, 404);
});

for (const ifMatch of ['abc', '"abc', '"a" "b"', '"a", *', 'w/"a"']) {
  test(`answers 400 in the error shape for the malformed If-Match ${ifMatch}`, async () => {
    const id = WELL_KNOWN_CUSTOMERS.japanese.id;
    const { profile, etag } = await load(id);
    const response = await put(id, profile, { 'If-Match': ifMatch });
    assert.equal(response.status, 400);
    const body = ApiErrorSchema.parse(await response.json());
    assert.equal(body.code, ERROR_CODES.badRequest);
    assert.deepEqual(body.data, [{ field: 'If-Match', messageKey: 'validation.invalidType' }]);
    assert.equal((await load(id)).etag, etag);
  });
}

test('answers 400 naming each invalid field with its message key and parameters', async () => {
  const id = WELL_KNOWN_CUSTOMERS.japanese.id;
  const { profile, etag } = await load(id);
  const response = await put(
    id,
    {
      ...profile,
      email: 'nope',
      firstName: '',
      defaultAddress: {
        ...profile.defaultAddress,
        postalCode: '12',
        state: 'Tokio',
        phoneNumber: '03-1',
      },
    },
    { 'If-Match': etag },
  );
  assert.equal(response.status, 400);
  const body = await response.json();
  assert.equal(body.code, ERROR_CODES.badRequest);
  assert.deepEqual(body.data, [
    { field: 'firstName', messageKey: 'validation.firstName.required' },
    { field: 'email', messageKey: 'validation.email.format' },
    { field: 'defaultAddress.state', messageKey: 'validation.state.unknown' },
    {
      field: 'defaultAddress.postalCode',
      messageKey: 'validation.postalCode.format',
      params: { example: '100-0001' },
    },
    {
      field: 'defaultAddress.phoneNumber',
      messageKey: 'validation.phoneNumber.format',
      params: { example: '03-1234-5678' },
    },
  ]);
  assert.match(
    body.description,
    /defaultAddress\.postalCode: Enter a postal code in the correct format, like 100-0001/,
  );
});

test('moves a customer to another country when the address passes that country’s rules', async () => {
  const id = WELL_KNOWN_CUSTOMERS.japanese.id;
  const { profile, etag } = await load(id);
  const us = {
    ...profile.defaultAddress,
    country: 'US',
    region: undefined,
    state: 'WA',
    city: 'Redmond',
    addressLine1: '1 Microsoft Way',
    addressLine2: '',
    postalCode: '98052',
    phoneNumber: '(425) 882-8080',
  };
  const invalid = await put(
    id,
    { ...profile, defaultAddress: { ...us, postalCode: '100-0001' } },
    { 'If-Match': etag },
  );
  assert.equal(invalid.status, 400);
  assert.deepEqual(
    (await invalid.json()).data.map((issue: { field: string }) => issue.field),
    ['defaultAddress.postalCode'],
  );
  const moved = await put(id, { ...profile, defaultAddress: us }, { 'If-Match': etag });
  assert.equal(moved.status, 200);
  assert.equal((await moved.json()).defaultAddress.country, 'US');
  const listed = await fetch(`${server.apiUrl}/v1/customers/${id}`);
  assert.equal((await listed.json()).billingProfile.defaultAddress.country, 'US');
});

test('answers 404 when updating an unknown customer', async () => {
  const { profile } = await load(WELL_KNOWN_CUSTOMERS.japanese.id);
  const response = await put('no-such-customer', profile, { 'If-Match': '"x"' });
  assert.equal(response.status, 404);
});

test('replays the first result for a retry with the same MS-RequestId and applies once', async () => {
  const id = WELL_KNOWN_CUSTOMERS.katakana.id;
  const { profile, etag } = await load(id);
  const change = { ...profile, lastName: '高橋' };
  const headers = { 'If-Match': etag, 'MS-RequestId': 'retry-once-1' };
  const first = await put(id, change, headers);
  const firstBody = await first.text();
  const retry = await put(id, change, headers);
  assert.equal(retry.status, 200);
  assert.equal(await retry.text(), firstBody);
  assert.equal(retry.headers.get('etag'), first.headers.get('etag'));
  assert.equal(retry.headers.get('ms-requestid'), 'retry-once-1');
  assert.equal((await load(id)).etag, first.headers.get('etag'));
});

test('replays the 2055 answer for a retry of a request that lost the race', async () => {
  const id = WELL_KNOWN_CUSTOMERS.fullWidthLatin.id;
  const { profile, etag } = await load(id);
  assert.equal((await put(id, profile, { 'If-Match': etag })).status, 200);
  const headers = { 'If-Match': etag, 'MS-RequestId': 'lost-race-1' };
  assert.equal((await put(id, { ...profile, firstName: '彩' }, headers)).status, 400);
  const replayed = await put(id, { ...profile, firstName: '彩' }, headers);
  assert.equal(replayed.status, 400);
  assert.equal((await replayed.json()).code, 2055);
});

test('answers 409 when a request id is reused for a different change', async () => {
  const id = WELL_KNOWN_CUSTOMERS.hostileImage.id;
  const { profile, etag } = await load(id);
  assert.equal(
    (await put(id, profile, { 'If-Match': etag, 'MS-RequestId': 'reuse-1' })).status,
    200,
  );
  const other = await put(
    id,
    { ...profile, lastName: '別人' },
    { 'If-Match': etag, 'MS-RequestId': 'reuse-1' },
  );
  assert.equal(other.status, 409);
  assert.equal((await other.json()).code, ERROR_CODES.idempotencyKeyReused);
});

test('lets exactly one of 20 parallel updates with the same ETag win', async () => {
  const id = WELL_KNOWN_CUSTOMERS.hostileScript.id;
  const { profile, etag } = await load(id);
  const responses = await Promise.all(
    Array.from({ length: 20 }, (_, index) =>
      put(
        id,
        {
          ...profile,
          defaultAddress: { ...profile.defaultAddress, addressLine1: `${index + 1} Racing Way` },
        },
        { 'If-Match': etag },
      ),
    ),
  );
  const statuses = responses.map((response) => response.status).sort();
  assert.deepEqual(statuses, [200, ...Array<number>(19).fill(400)]);
  const winner = responses.find((response) => response.status === 200)!;
  assert.deepEqual((await load(id)).profile, await winner.json());
});
