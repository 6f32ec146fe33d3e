import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  getCountryRules,
  rulePattern,
  SUPPORTED_COUNTRIES,
  CountryValidationRulesSchema,
} from './country-rules.ts';
import { isValidPhone } from './phone.ts';

const REQUIRED_COUNTRIES = ['JP', 'TW', 'US', 'CA', 'GB', 'DE', 'FR', 'CN', 'KR', 'AU', 'IN', 'BR'];

const STATE_COUNTS: [string, number][] = [
  ['JP', 47],
  ['CA', 13],
  ['AU', 8],
  ['BR', 27],
  ['IN', 36],
  ['CN', 31],
  ['US', 56],
];

test('has rules for every country the product covers', () => {
  assert.deepEqual(
    REQUIRED_COUNTRIES.filter((country) => !SUPPORTED_COUNTRIES.includes(country)),
    [],
  );
});

for (const country of SUPPORTED_COUNTRIES) {
  test(`rules for ${country} match the contract schema`, () => {
    assert.equal(CountryValidationRulesSchema.safeParse(getCountryRules(country)).success, true);
  });

  test(`the postal code example for ${country} passes its own pattern`, () => {
    const rules = getCountryRules(country)!;
    assert.match(rules.postalCodeExample, rulePattern(rules.postalCodeRegex));
  });

  test(`the phone example for ${country} is a valid number there`, () => {
    assert.equal(isValidPhone(getCountryRules(country)!.phoneNumberExample, country), true);
  });

  test(`the default culture of ${country} is one of its supported cultures`, () => {
    const rules = getCountryRules(country)!;
    assert.ok(rules.supportedCulturesList.includes(rules.defaultCulture));
  });
}

for (const [country, count] of STATE_COUNTS) {
  test(`lists ${count} states for ${country}`, () => {
    const states = getCountryRules(country)!.supportedStatesList;
    assert.equal(states.length, count);
    assert.equal(new Set(states).size, count);
  });
}

test('names every Japanese prefecture in Japanese', () => {
  const rules = getCountryRules('JP')!;
  assert.equal(rules.stateDisplayNames?.['Tokyo'], '東京都');
  assert.deepEqual(Object.keys(rules.stateDisplayNames ?? {}), rules.supportedStatesList);
});

test('finds rules whatever the case of the country code', () => {
  assert.equal(getCountryRules('jp')?.iso2Code, 'JP');
});

test('has no rules for an unknown country', () => {
  assert.equal(getCountryRules('ZZ'), undefined);
  assert.equal(getCountryRules('toString'), undefined);
});
