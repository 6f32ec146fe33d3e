import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCountryRules } from '../server/country-rules-data.ts';
import { validateForm } from './form-validation.ts';
import { formValuesFrom } from './profile-form.ts';
import { japaneseProfile } from './test-fixtures.ts';

const profile = japaneseProfile;
const values = formValuesFrom(profile);
/** Japan's rules as the endpoint serves them. */
const rules = getCountryRules('JP');

test('accepts the profile as it is', () => {
  assert.deepEqual(validateForm(profile, values, rules), {});
});

test('reports every problem at once, in form order, with the contract’s keys and examples', () => {
  const errors = validateForm(
    profile,
    {
      ...values,
      postalCode: '12',
      email: 'nope',
      firstName: ' ',
      state: '',
    },
    rules,
  );
  assert.deepEqual(Object.keys(errors), ['firstName', 'email', 'state', 'postalCode']);
  assert.deepEqual(errors.postalCode, {
    field: 'defaultAddress.postalCode',
    messageKey: 'validation.postalCode.format',
    params: { example: '100-0001' },
  });
});

test('rejects a phone number the numbering plan does not allow', () => {
  const bad = { ...values, phoneNumber: '03-0000-00' };
  assert.equal(
    validateForm(profile, bad, rules).phoneNumber?.messageKey,
    'validation.phoneNumber.format',
  );
});

test('checks with the rules the endpoint served, not with a built-in table', () => {
  const served = { ...rules!, isStateRequired: false, postalCodeRegex: '^\\d{7}$' };
  const errors = validateForm(profile, { ...values, state: '', postalCode: '100-0001' }, served);
  assert.deepEqual(Object.keys(errors), ['postalCode']);
});

test('without rules checks only lengths and formats, and refuses no country', () => {
  const errors = validateForm(
    profile,
    { ...values, country: 'ZZ', state: 'Anywhere', postalCode: '???', phoneNumber: '' },
    undefined,
  );
  assert.deepEqual(errors, {});
});
