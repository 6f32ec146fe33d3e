import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CustomerBillingProfile } from '../contract/index.ts';
import { validateForm } from './form-validation.ts';
import { formValuesFrom } from './profile-form.ts';

const profile: CustomerBillingProfile = {
  id: 'profile-1',
  firstName: '美咲',
  lastName: '佐藤',
  email: 'billing@example.com',
  culture: 'ja-JP',
  language: 'ja',
  companyName: '株式会社さくら商事',
  defaultAddress: {
    country: 'JP',
    region: '',
    city: '千代田区',
    state: 'Tokyo',
    addressLine1: '丸の内1-1-1',
    addressLine2: '',
    postalCode: '100-0005',
    phoneNumber: '03-1234-5678',
    firstName: '美咲',
    lastName: '佐藤',
  },
  links: { self: { uri: '/v1/customers/c/profiles/billing', method: 'GET', headers: [] } },
  attributes: { etag: 'etag-1', objectType: 'CustomerBillingProfile' },
};
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
