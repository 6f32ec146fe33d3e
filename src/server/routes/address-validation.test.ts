import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AddressValidationResponseSchema, type AddressUpdate } from '../../contract/index.ts';
import type { RunningServer } from '../app.ts';
import { sendJson, startTestServer } from '../test-helpers.ts';
import { validateAddress } from './address-validation.ts';

const CASES: [
  label: string,
  address: AddressUpdate,
  status: string,
  suggestion?: Partial<AddressUpdate>,
][] = [
  [
    'hyphenates a Japanese postal code',
    {
      country: 'JP',
      state: 'Tokyo',
      city: '千代田区',
      addressLine1: '丸の内1-1',
      postalCode: '1000001',
    },
    'Verified',
    { postalCode: '100-0001' },
  ],
  [
    'turns full-width digits into ASCII and finds the prefecture by its Japanese name',
    {
      country: 'JP',
      state: '東京都',
      city: '千代田区',
      addressLine1: '丸の内１丁目',
      postalCode: '１０００００１',
    },
    'InteractionRequired',
    { postalCode: '100-0001', state: 'Tokyo', addressLine1: '丸の内1丁目' },
  ],
  [
    'upper-cases and spaces a Canadian postal code',
    {
      country: 'CA',
      state: 'ON',
      city: 'Ottawa',
      addressLine1: '111 Wellington St',
      postalCode: 'k1a0b1',
    },
    'Verified',
    { postalCode: 'K1A 0B1' },
  ],
  [
    'spaces a British postcode',
    { country: 'GB', city: 'London', addressLine1: '10 Downing Street', postalCode: 'sw1a2aa' },
    'Verified',
    { postalCode: 'SW1A 2AA' },
  ],
  [
    'fixes the case of a US state',
    {
      country: 'US',
      state: 'wa',
      city: 'Redmond',
      addressLine1: '1 Microsoft Way',
      postalCode: '98052',
    },
    'InteractionRequired',
    { state: 'WA' },
  ],
  [
    'accepts a canonical address as it is',
    {
      country: 'US',
      state: 'WA',
      city: 'Redmond',
      addressLine1: '1 Microsoft Way',
      postalCode: '98052',
    },
    'VerifiedShippable',
  ],
  [
    'cannot fix a postal code of the wrong length',
    { country: 'DE', city: 'Berlin', addressLine1: 'Hauptstraße 1', postalCode: '1011' },
    'None',
  ],
  [
    'does not check a country without rules',
    { country: 'ZZ', city: 'X', addressLine1: 'Y', postalCode: '1' },
    'NotValidated',
  ],
  [
    'does not check a country it does not verify',
    {
      country: 'IN',
      state: 'Delhi',
      city: 'New Delhi',
      addressLine1: '1 Janpath',
      postalCode: '110001',
    },
    'NotValidated',
  ],
  [
    'knows no address with an all-zero postal code',
    {
      country: 'JP',
      state: 'Tokyo',
      city: '千代田区',
      addressLine1: '丸の内1-1',
      postalCode: '000-0000',
    },
    'None',
  ],
  [
    'asks to confirm a post office box',
    {
      country: 'US',
      state: 'WA',
      city: 'Redmond',
      addressLine1: 'PO Box 97017',
      postalCode: '98073',
    },
    'InteractionRequired',
  ],
  [
    'finds a suite without its number',
    {
      country: 'US',
      state: 'WA',
      city: 'Redmond',
      addressLine1: '1 Microsoft Way',
      addressLine2: 'Suite',
      postalCode: '98052',
    },
    'PremisesPartial',
  ],
];

for (const [label, address, status, suggestion] of CASES) {
  test(`address validation ${label}`, () => {
    const result = validateAddress(address);
    assert.equal(result.status, status);
    assert.equal(result.validationMessage === undefined, status.startsWith('Verified'));
    if (suggestion) {
      assert.equal(result.suggestedAddresses.length, 1);
      assert.deepEqual(
        { ...result.suggestedAddresses[0], ...suggestion },
        result.suggestedAddresses[0],
      );
    } else {
      assert.deepEqual(result.suggestedAddresses, []);
    }
  });
}

test('suggests three numbered streets for a street without a house number', () => {
  const result = validateAddress({
    country: 'JP',
    state: 'Tokyo',
    city: '千代田区',
    addressLine1: '丸の内',
    postalCode: '100-0005',
  });
  assert.equal(result.status, 'StreetPartial');
  assert.deepEqual(
    result.suggestedAddresses.map((address) => address.addressLine1),
    ['丸の内1丁目', '丸の内2丁目', '丸の内3丁目'],
  );
});

test('lists every Springfield when the postal code matches none', () => {
  const result = validateAddress({
    country: 'US',
    state: 'MO',
    city: 'Springfield',
    addressLine1: '400 S Main St',
    postalCode: '65899',
  });
  assert.equal(result.status, 'Multiple');
  assert.deepEqual(
    result.suggestedAddresses.map((address) => `${address.state} ${address.postalCode}`),
    ['IL 62701', 'MA 01103', 'MO 65801'],
  );
});

test('explains what is wrong with an invalid address, per field', () => {
  const result = validateAddress({
    country: 'DE',
    city: 'Berlin',
    addressLine1: 'Hauptstraße 1',
    postalCode: '1011',
  });
  assert.deepEqual(result.issues, [
    {
      field: 'postalCode',
      messageKey: 'validation.postalCode.format',
      params: { example: '10115' },
    },
  ]);
  assert.equal(result.validationMessage, 'Enter a postal code in the correct format, like 10115');
});

let server: RunningServer;
before(async () => {
  server = await startTestServer({ seedCount: 10 });
});
after(() => server.close());

test('POST /v1/validations/address answers in the contract shape', async () => {
  const response = await sendJson(`${server.apiUrl}/v1/validations/address`, 'POST', CASES[0]![1]);
  assert.equal(response.status, 200);
  assert.equal(
    AddressValidationResponseSchema.parse(await response.json()).suggestedAddresses?.[0]
      ?.postalCode,
    '100-0001',
  );
});

test('POST /v1/validations/address answers 400 for a body that is not an address', async () => {
  const response = await sendJson(`${server.apiUrl}/v1/validations/address`, 'POST', {
    country: 5,
  });
  assert.equal(response.status, 400);
  const fields = (await response.json()).data.map((issue: { field: string }) => issue.field);
  assert.deepEqual(fields, ['country', 'city', 'addressLine1']);
});
