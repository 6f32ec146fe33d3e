import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Address } from '../contract/index.ts';
import { formatAddress, stateChoiceLabel } from './address-format.ts';

const cases: [string, Address, string[]][] = [
  [
    'JP: postal mark first, then prefecture, city and street in one line',
    {
      country: 'JP',
      state: 'Tokyo',
      city: '千代田区',
      addressLine1: '丸の内1丁目1番1号',
      addressLine2: 'さくらビル 5階',
      postalCode: '100-0005',
    },
    ['〒100-0005', '東京都千代田区丸の内1丁目1番1号', 'さくらビル 5階'],
  ],
  [
    'TW: postal code, city, district and street',
    {
      country: 'TW',
      state: '',
      city: '臺北市',
      addressLine1: '信義區信義路五段7號',
      addressLine2: '35樓',
      postalCode: '110',
    },
    ['110 臺北市信義區信義路五段7號', '35樓'],
  ],
  [
    'US: street, then city, state and ZIP code',
    {
      country: 'US',
      state: 'WA',
      city: 'Redmond',
      addressLine1: '1 Microsoft Way',
      addressLine2: '',
      postalCode: '98052',
    },
    ['1 Microsoft Way', 'Redmond, WA 98052'],
  ],
  [
    'AU: suburb, state and postcode without a comma',
    {
      country: 'AU',
      state: 'NSW',
      city: 'Sydney',
      addressLine1: '1 George St',
      postalCode: '2000',
    },
    ['1 George St', 'Sydney NSW 2000'],
  ],
  [
    'GB: town and postcode on their own lines',
    { country: 'GB', city: 'London', addressLine1: '10 Downing St', postalCode: 'SW1A 2AA' },
    ['10 Downing St', 'London', 'SW1A 2AA'],
  ],
  [
    'DE: postal code before the city',
    { country: 'DE', city: 'Berlin', addressLine1: 'Unter den Linden 1', postalCode: '10117' },
    ['Unter den Linden 1', '10117 Berlin'],
  ],
  [
    'CN: postal code, then province, city and street',
    {
      country: 'CN',
      state: 'Beijing',
      city: '东城区',
      addressLine1: '长安街1号',
      postalCode: '100000',
    },
    ['100000', '北京市东城区长安街1号'],
  ],
];

for (const [name, address, lines] of cases) {
  test(`formats an address for ${name}`, () => {
    assert.deepEqual(formatAddress(address), lines);
  });
}

test('keeps markup in an address as text', () => {
  assert.deepEqual(
    formatAddress({
      country: 'FR',
      city: 'Paris',
      addressLine1: '<svg onload=alert(1)>',
      postalCode: '75001',
    }),
    ['<svg onload=alert(1)>', '75001 Paris'],
  );
});

test('names states in lists by their full names where addresses abbreviate them', () => {
  assert.equal(stateChoiceLabel('US', 'WA', 'ja-JP'), 'Washington');
  assert.equal(stateChoiceLabel('CA', 'QC', 'en'), 'Quebec');
  assert.equal(stateChoiceLabel('AU', 'NSW', 'zh-TW'), 'New South Wales');
  assert.equal(stateChoiceLabel('JP', 'Tokyo', 'en'), 'Tokyo');
  assert.equal(stateChoiceLabel('JP', 'Tokyo', 'ja-JP'), '東京都');
});

test('keeps the abbreviation in a US address line', () => {
  assert.deepEqual(
    formatAddress({
      country: 'US',
      state: 'WA',
      city: 'Redmond',
      addressLine1: '1 Microsoft Way',
      postalCode: '98052',
    }),
    ['1 Microsoft Way', 'Redmond, WA 98052'],
  );
});
