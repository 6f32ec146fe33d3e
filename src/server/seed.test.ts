import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeBillingProfileUpdateSchema, toFieldIssues } from '../contract/index.ts';
import { isValidPhone } from '../contract/phone.ts';
import { getCountryRules } from './country-rules-data.ts';
import { validateAddress } from './routes/address-validation.ts';
import { DEFAULT_SEED_COUNT, generateSeedCustomers, WELL_KNOWN_CUSTOMERS } from './seed.ts';

const customers = generateSeedCustomers();

test('seeds at least 1,000 customers by default', () => {
  assert.ok(DEFAULT_SEED_COUNT >= 1000);
  assert.equal(customers.length, DEFAULT_SEED_COUNT);
});

test('seeds the same customers every time', () => {
  assert.deepEqual(generateSeedCustomers(), customers);
});

test('gives every customer a unique id and domain', () => {
  assert.equal(new Set(customers.map((customer) => customer.id)).size, customers.length);
  assert.equal(new Set(customers.map((customer) => customer.domain)).size, customers.length);
});

test('covers Japan, Taiwan, the US and at least six other countries', () => {
  const counts = new Map<string, number>();
  for (const { profile } of customers) {
    counts.set(
      profile.defaultAddress.country,
      (counts.get(profile.defaultAddress.country) ?? 0) + 1,
    );
  }
  for (const country of ['JP', 'TW', 'US']) assert.ok((counts.get(country) ?? 0) > 100, country);
  assert.ok(counts.size >= 9, [...counts.keys()].join());
});

test('seeds only profiles that pass the strict billing-profile schema', () => {
  const failures = customers.flatMap(({ id, profile }) => {
    const schema = makeBillingProfileUpdateSchema({
      rules: getCountryRules(profile.defaultAddress.country),
      isValidPhone,
    });
    const result = schema.safeParse(profile);
    return result.success ? [] : [`${id}: ${JSON.stringify(toFieldIssues(result.error.issues))}`];
  });
  assert.deepEqual(failures, []);
});

test('includes every well-known customer with its documented name and country', () => {
  for (const known of Object.values(WELL_KNOWN_CUSTOMERS)) {
    const customer = customers.find((candidate) => candidate.id === known.id);
    assert.equal(customer?.profile.companyName, known.companyName);
    assert.equal(customer?.profile.defaultAddress.country, known.country);
  }
});

test('includes markup in the hostile customers verbatim', () => {
  const names = customers.map((customer) => customer.profile.companyName);
  assert.ok(names.includes('<img src=x onerror=alert(1)>'));
  assert.ok(names.includes('"><script>alert(1)</script>'));
});

const DEMO_STATUSES = {
  verified: 'Verified',
  streetPartial: 'StreetPartial',
  premisesPartial: 'PremisesPartial',
  multiple: 'Multiple',
  interactionRequired: 'InteractionRequired',
  incorrect: 'None',
  notValidated: 'NotValidated',
} as const;

for (const [name, status] of Object.entries(DEMO_STATUSES)) {
  test(`the well-known ${name} customer's address validates as ${status}`, () => {
    const id = WELL_KNOWN_CUSTOMERS[name as keyof typeof DEMO_STATUSES].id;
    const customer = customers.find((candidate) => candidate.id === id)!;
    assert.equal(validateAddress(customer.profile.defaultAddress).status, status);
  });
}

test('every other customer in a verified country validates as VerifiedShippable', () => {
  const demo = new Set<string>(Object.values(WELL_KNOWN_CUSTOMERS).map((known) => known.id));
  const unexpected = customers
    .filter((customer) => !demo.has(customer.id))
    .map((customer) => [customer, validateAddress(customer.profile.defaultAddress).status] as const)
    .filter(([, status]) => status !== 'VerifiedShippable' && status !== 'NotValidated')
    .map(([customer, status]) => `${customer.profile.companyName}: ${status}`);
  assert.deepEqual(unexpected, []);
});

test('the first page of the default list is a realistic mix, without hostile records', () => {
  const firstPage = customers.slice(0, 20);
  const countries = new Set(firstPage.map((customer) => customer.profile.defaultAddress.country));
  for (const country of ['JP', 'TW', 'US']) assert.ok(countries.has(country), country);
  assert.ok(firstPage.every((customer) => !/[<>"{}]/.test(customer.profile.companyName)));
});
