import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  CountryValidationRulesSchema,
  countryHints,
  JP_PREFECTURES,
  rulePattern,
} from '../contract/index.ts';
import { isValidPhone } from '../contract/phone.ts';
import { getCountryRules, SUPPORTED_COUNTRIES } from './country-rules-data.ts';

const SEEDED_COUNTRIES = ['JP', 'TW', 'US', 'CA', 'GB', 'DE', 'FR', 'CN', 'KR', 'AU', 'IN', 'BR'];

const STATE_COUNTS: [string, number][] = [
  ['JP', 47],
  ['CA', 13],
  ['AU', 8],
  ['BR', 27],
  ['IN', 36],
  ['CN', 31],
  ['US', 51],
];

test('has rules for every seeded country and a few more', () => {
  assert.deepEqual(
    SEEDED_COUNTRIES.filter((country) => !SUPPORTED_COUNTRIES.includes(country)),
    [],
  );
  assert.ok(SUPPORTED_COUNTRIES.length > SEEDED_COUNTRIES.length);
});

test('the US rules are exactly what the live service answered', () => {
  const recorded = JSON.parse(
    readFileSync(
      new URL(
        '../../tests/fixtures/partner-center/GetPartnerCountryValidation.json',
        import.meta.url,
      ),
      'utf8',
    ),
  ) as { ResponseBody: string }[];
  assert.deepEqual(getCountryRules('US'), JSON.parse(recorded[0]!.ResponseBody));
});

for (const country of SUPPORTED_COUNTRIES) {
  test(`rules for ${country} match the contract schema and carry no extras`, () => {
    const rules = getCountryRules(country)!;
    assert.equal(CountryValidationRulesSchema.safeParse(rules).success, true);
    assert.equal(rules.postalCodeExample, undefined);
    assert.equal(rules.phoneNumberExample, undefined);
  });

  test(`every pattern of ${country} compiles in JavaScript`, () => {
    const rules = getCountryRules(country)!;
    if (rules.postalCodeRegex) assert.ok(rulePattern(rules.postalCodeRegex));
    if (rules.phoneNumberRegex) assert.ok(rulePattern(rules.phoneNumberRegex));
  });

  test(`the built-in examples for ${country} pass its rules`, () => {
    const rules = getCountryRules(country)!;
    const hints = countryHints(country);
    if (hints.postalCodeExample && rules.postalCodeRegex)
      assert.match(hints.postalCodeExample, rulePattern(rules.postalCodeRegex)!);
    if (hints.phoneNumberExample) {
      assert.equal(isValidPhone(hints.phoneNumberExample, country), true);
      if (rules.phoneNumberRegex)
        assert.match(hints.phoneNumberExample, rulePattern(rules.phoneNumberRegex)!);
    }
  });

  test(`the default culture of ${country} is one of its supported cultures`, () => {
    const rules = getCountryRules(country)!;
    assert.ok(rules.supportedCulturesList?.includes(rules.defaultCulture ?? ''));
  });
}

for (const [country, count] of STATE_COUNTS) {
  test(`lists ${count} states for ${country}`, () => {
    const states = getCountryRules(country)!.supportedStatesList ?? [];
    assert.equal(states.length, count);
    assert.equal(new Set(states).size, count);
  });
}

test('names every Japanese prefecture in Japanese', () => {
  assert.equal(countryHints('JP').stateNames?.['Tokyo'], '東京都');
  assert.deepEqual(Object.keys(JP_PREFECTURES), getCountryRules('JP')!.supportedStatesList);
});

test('finds rules whatever the case of the country code', () => {
  assert.equal(getCountryRules('jp')?.iso2Code, 'JP');
});

test('has no rules for an unknown country', () => {
  assert.equal(getCountryRules('ZZ'), undefined);
  assert.equal(getCountryRules('toString'), undefined);
});
