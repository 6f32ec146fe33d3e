import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as z from 'zod/mini';
import {
  EMAIL_PATTERN,
  BillingProfileFieldsSchema,
  BillingProfileUpdateSchema,
  CustomerBillingProfileSchema,
  makeBillingProfileUpdateSchema,
  type BillingProfileUpdate,
} from './billing-profile.ts';
import { toFieldIssues } from './errors.ts';
import { isValidPhone } from './phone.ts';
import { getCountryRules } from '../server/country-rules-data.ts';

/** The update schema with Japan's rules (as the reference server serves them) and libphonenumber. */
const StrictBillingProfileUpdateSchema = makeBillingProfileUpdateSchema({
  rules: getCountryRules('JP'),
  isValidPhone,
});

const PROFILE: BillingProfileUpdate = {
  firstName: '美咲',
  lastName: '佐藤',
  email: 'billing@sakurashoji.example.com',
  culture: 'ja-JP',
  language: 'ja',
  companyName: '株式会社さくら商事',
  defaultAddress: {
    country: 'JP',
    state: 'Tokyo',
    city: '千代田区',
    addressLine1: '丸の内1丁目1番1号',
    postalCode: '100-0005',
    phoneNumber: '03-1234-5678',
  },
};

function keysFor(
  profile: unknown,
  schema: z.ZodMiniType = StrictBillingProfileUpdateSchema,
): string[] {
  const result = schema.safeParse(profile);
  return result.success
    ? []
    : toFieldIssues(result.error.issues).map((issue) => `${issue.field} ${issue.messageKey}`);
}

test('accepts a complete Japanese billing profile', () => {
  assert.deepEqual(keysFor(PROFILE), []);
});

const EMAILS: [email: string, key: string | undefined][] = [
  ['billing@contoso.com', undefined],
  ['first.last+tag@sub.example.co.jp', undefined],
  ['', 'validation.email.required'],
  ['   ', 'validation.email.required'],
  ['billing', 'validation.email.format'],
  ['billing@', 'validation.email.format'],
  ['billing@contoso', 'validation.email.format'],
  ['bill ing@contoso.com', 'validation.email.format'],
  [`${'a'.repeat(240)}@contoso.com`, 'validation.email.tooLong'],
];

for (const [email, key] of EMAILS) {
  test(
    key ? `rejects the email "${email.slice(0, 30)}" with ${key}` : `accepts the email ${email}`,
    () => {
      assert.deepEqual(keysFor({ ...PROFILE, email }), key ? [`email ${key}`] : []);
    },
  );
}

const NAMES: [field: 'firstName' | 'lastName' | 'companyName', max: number][] = [
  ['firstName', 50],
  ['lastName', 50],
  ['companyName', 200],
];

for (const [field, max] of NAMES) {
  test(`accepts ${max} characters in ${field}, rejects ${max + 1} and rejects empty`, () => {
    assert.deepEqual(keysFor({ ...PROFILE, [field]: '名'.repeat(max) }), []);
    assert.deepEqual(keysFor({ ...PROFILE, [field]: '名'.repeat(max + 1) }), [
      `${field} validation.${field}.tooLong`,
    ]);
    assert.deepEqual(keysFor({ ...PROFILE, [field]: '' }), [
      `${field} validation.${field}.required`,
    ]);
  });
}

test('rejects a culture that is not a culture code', () => {
  assert.deepEqual(keysFor({ ...PROFILE, culture: 'japanese' }), [
    'culture validation.culture.format',
  ]);
});

for (const culture of ['az-Latn-AZ', 'sr-Cyrl-RS', 'es-419', 'zh-Hant-TW', 'en-US']) {
  test(`accepts the culture ${culture}`, () => {
    assert.deepEqual(keysFor({ ...PROFILE, culture }), []);
  });
}

test('rejects a field of the wrong type with a generic key', () => {
  assert.deepEqual(keysFor({ ...PROFILE, firstName: 42 }), ['firstName validation.invalidType']);
});

test('names nested address fields by their dot path', () => {
  assert.deepEqual(
    keysFor({ ...PROFILE, defaultAddress: { ...PROFILE.defaultAddress, postalCode: '1' } }),
    ['defaultAddress.postalCode validation.postalCode.format'],
  );
});

test('reports profile and address problems together', () => {
  assert.deepEqual(
    keysFor({
      ...PROFILE,
      firstName: '',
      defaultAddress: { ...PROFILE.defaultAddress, state: 'Tokio' },
    }),
    ['firstName validation.firstName.required', 'defaultAddress.state validation.state.unknown'],
  );
});

test('checks the phone number fully only when the phone validator is given', () => {
  const profile = {
    ...PROFILE,
    defaultAddress: { ...PROFILE.defaultAddress, phoneNumber: '03-1234-567' },
  };
  assert.deepEqual(keysFor(profile, BillingProfileUpdateSchema), []);
  assert.deepEqual(keysFor(profile, StrictBillingProfileUpdateSchema), [
    'defaultAddress.phoneNumber validation.phoneNumber.format',
  ]);
});

test('accepts links and attributes sent back on update, the ETag among them', () => {
  assert.deepEqual(keysFor({ ...PROFILE, links: { self: {} }, attributes: { etag: 'x' } }), []);
});

test('lets a form step validate only its own fields', () => {
  const ContactStepSchema = z.pick(BillingProfileFieldsSchema, {
    firstName: true,
    lastName: true,
    email: true,
  });
  assert.equal(
    ContactStepSchema.safeParse({ firstName: 'A', lastName: 'B', email: 'a@b.co' }).success,
    true,
  );
});

test('reads a billing profile response with its ETag', () => {
  const response = {
    ...PROFILE,
    id: 'p1',
    links: { self: { uri: '/v1/customers/c1/profiles/billing', method: 'GET', headers: [] } },
    attributes: { etag: 'abc', objectType: 'CustomerBillingProfile' },
  };
  assert.equal(CustomerBillingProfileSchema.parse(response).attributes.etag, 'abc');
});

test('uses the same email pattern as zod', () => {
  assert.equal(String(EMAIL_PATTERN), String(z.regexes.email));
});
