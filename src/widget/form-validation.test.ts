import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateForm } from './form-validation.ts';
import { formValuesFrom } from './profile-form.ts';
import { japaneseProfile } from './test-fixtures.ts';

const profile = japaneseProfile;
const values = formValuesFrom(profile);

test('accepts the profile as it is', () => {
  assert.deepEqual(validateForm(profile, values), {});
});

test('reports every problem at once, in form order, with the contract’s keys and examples', () => {
  const errors = validateForm(profile, {
    ...values,
    postalCode: '12',
    email: 'nope',
    firstName: ' ',
    state: '',
  });
  assert.deepEqual(Object.keys(errors), ['firstName', 'email', 'state', 'postalCode']);
  assert.deepEqual(errors.postalCode, {
    field: 'defaultAddress.postalCode',
    messageKey: 'validation.postalCode.format',
    params: { example: '100-0001' },
  });
});

test('rejects a phone number the numbering plan does not allow', () => {
  const bad = { ...values, phoneNumber: '03-0000-00' };
  assert.equal(validateForm(profile, bad).phoneNumber?.messageKey, 'validation.phoneNumber.format');
});

test('requires a state for the US when the country changes', () => {
  const errors = validateForm(profile, {
    ...values,
    country: 'US',
    state: '',
    postalCode: '98052',
    phoneNumber: '',
  });
  assert.equal(errors.state?.messageKey, 'validation.state.required');
});
