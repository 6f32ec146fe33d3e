import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCountryRules } from '../server/country-rules-data.ts';
import {
  makeAddressSchema,
  normalizeAddress,
  normalizePostalCode,
  normalizeState,
  type AddressUpdate,
} from './address.ts';
import { toFieldIssues } from './errors.ts';
import { isValidPhone } from './phone.ts';

// The rules are the reference server's, served as Partner Center serves them.
const BASE: Record<string, AddressUpdate> = {
  JP: {
    country: 'JP',
    state: 'Tokyo',
    city: '千代田区',
    addressLine1: '丸の内1丁目1番1号',
    postalCode: '100-0005',
    phoneNumber: '03-1234-5678',
  },
  TW: {
    country: 'TW',
    state: '',
    city: '臺北市',
    addressLine1: '信義區信義路五段7號',
    postalCode: '110',
    phoneNumber: '02-2345-6789',
  },
  US: {
    country: 'US',
    state: 'WA',
    city: 'Redmond',
    addressLine1: '1 Microsoft Way',
    postalCode: '98052',
    phoneNumber: '(425) 555-0100',
  },
  CA: {
    country: 'CA',
    state: 'ON',
    city: 'Ottawa',
    addressLine1: '111 Wellington St',
    postalCode: 'K1A 0A9',
    phoneNumber: '(613) 555-0100',
  },
  GB: {
    country: 'GB',
    city: 'London',
    addressLine1: '10 Downing Street',
    postalCode: 'SW1A 2AA',
    phoneNumber: '020 7946 0000',
  },
  DE: {
    country: 'DE',
    city: 'Berlin',
    addressLine1: 'Hauptstraße 1',
    postalCode: '10115',
    phoneNumber: '030 12345678',
  },
  FR: {
    country: 'FR',
    city: 'Paris',
    addressLine1: '1 rue de Rivoli',
    postalCode: '75001',
    phoneNumber: '01 23 45 67 89',
  },
  CN: {
    country: 'CN',
    state: 'Beijing',
    city: '北京市',
    addressLine1: '建国路1号',
    postalCode: '100020',
    phoneNumber: '138 0013 8000',
  },
  KR: {
    country: 'KR',
    city: '서울특별시',
    addressLine1: '세종대로 110',
    postalCode: '04524',
    phoneNumber: '02-2133-0000',
  },
  AU: {
    country: 'AU',
    state: 'NSW',
    city: 'Sydney',
    addressLine1: '1 George St',
    postalCode: '2000',
    phoneNumber: '(02) 9876 5432',
  },
  IN: {
    country: 'IN',
    state: 'Delhi',
    city: 'New Delhi',
    addressLine1: '1 Rajpath',
    postalCode: '110001',
    phoneNumber: '+91 98765 43210',
  },
  BR: {
    country: 'BR',
    state: 'SP',
    city: 'São Paulo',
    addressLine1: 'Avenida Paulista, 1000',
    postalCode: '01310-100',
    phoneNumber: '(11) 91234-5678',
  },
};

/** The address schema with the country's rules, and libphonenumber unless `phone` is false. */
const schemaFor = (country: string, phone = true) =>
  makeAddressSchema({ rules: getCountryRules(country), ...(phone ? { isValidPhone } : {}) });

function keysFor(address: AddressUpdate, phone = true): string[] {
  const result = schemaFor(address.country, phone).safeParse(address);
  return result.success
    ? []
    : toFieldIssues(result.error.issues).map((issue) => `${issue.field} ${issue.messageKey}`);
}

for (const [country, address] of Object.entries(BASE)) {
  test(`accepts a complete ${country} address`, () => {
    assert.deepEqual(keysFor(address), []);
  });
}

const POSTAL_CODES: [country: string, valid: string[], invalid: string[]][] = [
  ['JP', ['100-0001', '1000001'], ['100-001', '1000-001', 'ABC-DEFG', '１００-０００１']],
  ['TW', ['110', '11049', '110049'], ['11', '1104', 'ABC']],
  ['US', ['98052', '98052-6399'], ['9805', '980521', 'ABCDE']],
  ['CA', ['K1A 0B1', 'k1a0b1', 'K1A-0B1'], ['K1A 0B', '123 456', 'KK1 0B1']],
  ['GB', ['SW1A 1AA', 'M1 1AE', 'EC1A1BB', 'GIR 0AA'], ['SW1A', '12345', 'SW1A 1A']],
  ['DE', ['10115'], ['1011', '101155']],
  ['FR', ['75001'], ['7500', 'F-75001']],
  ['CN', ['100000'], ['10000', '1000000']],
  ['KR', ['03187'], ['0318', '031877']],
  ['AU', ['2000'], ['200', '20000']],
  ['IN', ['110001', '110 001'], ['011000', '11001']],
  ['BR', ['01310-100', '01310100'], ['01310-10', '0131-0100']],
];

for (const [country, valid, invalid] of POSTAL_CODES) {
  for (const postalCode of valid) {
    test(`accepts the postal code ${postalCode} for ${country}`, () => {
      assert.deepEqual(keysFor({ ...BASE[country]!, postalCode }), []);
    });
  }
  for (const postalCode of invalid) {
    test(`rejects the postal code ${postalCode} for ${country}`, () => {
      assert.deepEqual(keysFor({ ...BASE[country]!, postalCode }), [
        'postalCode validation.postalCode.format',
      ]);
    });
  }
  test(`asks for a missing postal code for ${country}, with an example`, () => {
    const result = schemaFor(country).safeParse({ ...BASE[country]!, postalCode: '' });
    assert.equal(result.success, false);
    const [issue] = toFieldIssues(result.error!.issues);
    assert.equal(issue?.messageKey, 'validation.postalCode.required');
    assert.ok(issue?.params?.['example']);
  });
}

const STATES: [country: string, valid: string[], invalid: string[]][] = [
  ['JP', ['Tokyo', 'Hokkaido', 'Okinawa'], ['Tokio', '東京都', 'tokyo']],
  ['US', ['WA', 'NY', 'DC'], ['Washington', 'wa', 'XX']],
  ['CA', ['ON', 'QC', 'YT'], ['Ontario', 'ZZ']],
  ['AU', ['NSW', 'ACT'], ['New South Wales']],
  ['BR', ['SP', 'RJ'], ['São Paulo']],
  ['IN', ['Maharashtra', 'Delhi'], ['MH']],
  ['CN', ['Beijing', 'Guangdong'], ['北京']],
];

for (const [country, valid, invalid] of STATES) {
  for (const state of valid) {
    test(`accepts the state ${state} for ${country}`, () => {
      assert.deepEqual(keysFor({ ...BASE[country]!, state }), []);
    });
  }
  for (const state of invalid) {
    test(`rejects the state ${state} for ${country}`, () => {
      assert.deepEqual(keysFor({ ...BASE[country]!, state }), ['state validation.state.unknown']);
    });
  }
  test(`asks for a state when ${country} requires one`, () => {
    assert.deepEqual(keysFor({ ...BASE[country]!, state: '' }), [
      'state validation.state.required',
    ]);
  });
}

test('accepts any state text in a country without a state list', () => {
  assert.deepEqual(keysFor({ ...BASE['GB']!, state: 'Greater London' }), []);
});

const PHONES: [country: string, invalid: string][] = [
  ['JP', '03-1234-567'],
  ['JP', '0120'],
  ['TW', '02-123'],
  ['US', '425-55-0100'],
  ['GB', '020 7946 00'],
  ['DE', '030 1'],
  ['BR', '(11) 1234'],
  ['IN', '+91 98765 4321'],
];

for (const [country, phoneNumber] of PHONES) {
  test(`rejects the phone number ${phoneNumber} for ${country}`, () => {
    assert.deepEqual(keysFor({ ...BASE[country]!, phoneNumber }), [
      'phoneNumber validation.phoneNumber.format',
    ]);
  });
}

test('checks a phone number with the service’s own pattern, without libphonenumber', () => {
  assert.deepEqual(keysFor({ ...BASE['US']!, phoneNumber: 'call me' }, false), [
    'phoneNumber validation.phoneNumber.format',
  ]);
});

test('leaves the full phone check to libphonenumber when it is not loaded', () => {
  assert.deepEqual(keysFor({ ...BASE['JP']!, phoneNumber: '03-1234-567' }, false), []);
});

test('accepts an address without a phone number', () => {
  const { phoneNumber: _phone, ...address } = BASE['US']!;
  assert.deepEqual(keysFor(address), []);
});

const LENGTHS: [field: keyof AddressUpdate, max: number, key: string][] = [
  ['addressLine1', 200, 'validation.addressLine1.tooLong'],
  ['addressLine2', 200, 'validation.addressLine2.tooLong'],
  ['city', 100, 'validation.city.tooLong'],
  ['firstName', 50, 'validation.firstName.tooLong'],
  ['lastName', 50, 'validation.lastName.tooLong'],
];

for (const [field, max, key] of LENGTHS) {
  test(`accepts ${max} characters in ${field} and rejects ${max + 1}`, () => {
    assert.deepEqual(keysFor({ ...BASE['US']!, [field]: 'a'.repeat(max) }), []);
    assert.deepEqual(keysFor({ ...BASE['US']!, [field]: 'a'.repeat(max + 1) }), [
      `${field} ${key}`,
    ]);
  });
}

test('asks for the first address line when it is only spaces', () => {
  assert.deepEqual(keysFor({ ...BASE['US']!, addressLine1: '   ' }), [
    'addressLine1 validation.addressLine1.required',
  ]);
});

test('asks for a city when it is empty', () => {
  assert.deepEqual(keysFor({ ...BASE['US']!, city: '' }), ['city validation.city.required']);
});

test('rejects a country code that is not two letters', () => {
  assert.deepEqual(keysFor({ ...BASE['US']!, country: 'USA' }), [
    'country validation.country.format',
  ]);
});

test('never refuses a country for want of rules: only the lengths are checked', () => {
  assert.deepEqual(keysFor({ ...BASE['US']!, country: 'ZZ', state: 'Anything' }), []);
  assert.deepEqual(keysFor({ ...BASE['US']!, country: 'ZZ', city: 'a'.repeat(101) }), [
    'city validation.city.tooLong',
  ]);
});

test('names no example when none is known for the country', () => {
  const rules = { iso2Code: 'ZZ', isPostalCodeRequired: true, postalCodeRegex: '^\\d{4}$' };
  const result = makeAddressSchema({ rules }).safeParse({
    country: 'ZZ',
    city: 'Town',
    addressLine1: '1 Street',
    postalCode: 'ABC',
  });
  assert.deepEqual(toFieldIssues(result.error?.issues ?? []), [
    { field: 'postalCode', messageKey: 'validation.postalCode.formatGeneric' },
  ]);
});

test('a pattern JavaScript cannot compile refuses nothing', () => {
  const rules = { iso2Code: 'ZZ', postalCodeRegex: '(?<=[' };
  const result = makeAddressSchema({ rules }).safeParse({
    country: 'ZZ',
    city: 'Town',
    addressLine1: '1 Street',
    postalCode: 'ABC',
  });
  assert.equal(result.success, true);
});

test('accepts null for the fields Partner Center sends as null', () => {
  assert.deepEqual(keysFor({ ...BASE['US']!, region: null, addressLine2: null }), []);
});

test('reports every broken field at once, not only the first', () => {
  assert.deepEqual(keysFor({ ...BASE['JP']!, addressLine1: '', state: 'Tokio', postalCode: '1' }), [
    'addressLine1 validation.addressLine1.required',
    'state validation.state.unknown',
    'postalCode validation.postalCode.format',
  ]);
});

test('does not report a field twice when its own check already failed', () => {
  assert.deepEqual(keysFor({ ...BASE['JP']!, postalCode: '1'.repeat(21) }), [
    'postalCode validation.postalCode.tooLong',
  ]);
});

const NORMALIZED_POSTAL_CODES: [country: string, input: string, expected: string][] = [
  ['JP', '1000001', '100-0001'],
  ['JP', '１０００００１', '100-0001'],
  ['JP', '100-0001', '100-0001'],
  ['CA', 'k1a0b1', 'K1A 0B1'],
  ['CA', 'K1A-0B1', 'K1A 0B1'],
  ['GB', 'sw1a1aa', 'SW1A 1AA'],
  ['GB', ' m1   1ae ', 'M1 1AE'],
  ['US', '980526399', '98052-6399'],
  ['US', ' 98052 ', '98052'],
  ['BR', '01310100', '01310-100'],
  ['IN', '110 001', '110001'],
  ['DE', '１０１１５', '10115'],
];

for (const [country, input, expected] of NORMALIZED_POSTAL_CODES) {
  test(`normalizes the postal code "${input}" for ${country} to ${expected}`, () => {
    assert.equal(normalizePostalCode(country, input), expected);
  });
}

const NORMALIZED_STATES: [country: string, input: string, expected: string][] = [
  ['US', 'wa', 'WA'],
  ['US', 'Washington', 'WA'],
  ['CA', 'quebec', 'QC'],
  ['AU', 'New South Wales', 'NSW'],
  ['JP', 'tokyo', 'Tokyo'],
  ['JP', '東京都', 'Tokyo'],
  ['JP', '大阪', 'Osaka'],
  ['CN', '广东省', 'Guangdong'],
  ['GB', 'Greater  London', 'Greater London'],
];

for (const [country, input, expected] of NORMALIZED_STATES) {
  test(`normalizes the state "${input}" for ${country} to ${expected}`, () => {
    assert.equal(normalizeState(country, input, getCountryRules(country)), expected);
  });
}

test('normalizes full-width text and half-width katakana in an address', () => {
  const normalized = normalizeAddress(
    {
      country: 'jp',
      state: '東京都',
      city: '千代田区',
      addressLine1: '丸の内１丁目１番１号',
      addressLine2: 'ｻｸﾗﾋﾞﾙ　５階',
      postalCode: '１０００００５',
    },
    getCountryRules('JP'),
  );
  assert.deepEqual(normalized, {
    country: 'JP',
    state: 'Tokyo',
    city: '千代田区',
    addressLine1: '丸の内1丁目1番1号',
    addressLine2: 'サクラビル 5階',
    postalCode: '100-0005',
  });
  assert.deepEqual(keysFor(normalized), []);
});

test('never refuses a phone number the service’s own pattern accepts', () => {
  // Partner Center's own example profile has 1234567890, which no US numbering plan allows.
  assert.deepEqual(keysFor({ ...BASE['US']!, phoneNumber: '1234567890' }), []);
});
