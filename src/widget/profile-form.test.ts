import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addressFormValues,
  applySuggestion,
  diffValues,
  fieldForPath,
  formValuesFrom,
  groupIssues,
  rebaseEdits,
  requestFor,
  toUpdateBody,
} from './profile-form.ts';
import { japaneseProfile } from './test-fixtures.ts';

const profile = japaneseProfile;
const values = formValuesFrom(profile);

test('round-trips a profile through the form and keeps the fields the form does not show', () => {
  const body = toUpdateBody(profile, { ...values, city: '港区' });
  assert.equal(body.id, 'profile-1');
  assert.equal(body.defaultAddress.city, '港区');
  assert.equal(body.defaultAddress.firstName, '美咲');
  assert.equal(body.defaultAddress.region, '');
  assert.deepEqual(body.links, profile.links);
  assert.equal(body.attributes?.etag, profile.attributes.etag);
});

test('sends back the fields of the resource this widget does not know', () => {
  const body = toUpdateBody(
    { ...profile, newField: 1, defaultAddress: { ...profile.defaultAddress, district: '丸の内' } },
    values,
  );
  assert.equal(body['newField'], 1);
  assert.equal(body.defaultAddress.district, '丸の内');
});

test('maps server paths to form fields', () => {
  assert.equal(fieldForPath('defaultAddress.postalCode'), 'postalCode');
  assert.equal(fieldForPath('email'), 'email');
  assert.equal(fieldForPath('defaultAddress.lastName'), 'lastName');
  assert.equal(fieldForPath('defaultAddress.region'), undefined);
  assert.equal(fieldForPath('id'), undefined);
  assert.equal(fieldForPath('defaultAddress.email'), undefined);
});

test('keeps issues without a field apart, and only the first issue per field', () => {
  const { fields, other } = groupIssues([
    { field: 'id', messageKey: 'validation.id.mismatch' },
    { field: 'defaultAddress.city', messageKey: 'validation.city.required' },
    { field: 'defaultAddress.city', messageKey: 'validation.city.tooLong' },
  ]);
  assert.equal(fields.city?.messageKey, 'validation.city.required');
  assert.deepEqual(
    other.map((issue) => issue.field),
    ['id'],
  );
});

test('lists the changed fields with before and after', () => {
  assert.deepEqual(diffValues(values, { ...values, city: '港区', addressLine2: '5階' }), [
    { field: 'addressLine2', before: '', after: '5階' },
    { field: 'city', before: '千代田区', after: '港区' },
  ]);
  assert.deepEqual(diffValues(values, { ...values }), []);
});

test('re-applies only my edits onto the latest version', () => {
  const mine = { ...values, city: '港区' };
  const latest = { ...values, email: 'new@example.com', city: '中央区' };
  assert.deepEqual(rebaseEdits(values, mine, latest), { ...latest, city: '港区' });
});

test('reuses the request id for the same edit and makes a new one when the edit changes', () => {
  let next = 0;
  const newId = () => `id-${++next}`;
  const body = toUpdateBody(profile, values);
  const first = requestFor(undefined, 'etag-1', body, newId);
  assert.equal(requestFor(first, 'etag-1', toUpdateBody(profile, values), newId).requestId, 'id-1');
  assert.equal(requestFor(first, 'etag-2', body, newId).requestId, 'id-2');
  assert.equal(
    requestFor(first, 'etag-1', toUpdateBody(profile, { ...values, city: 'x' }), newId).requestId,
    'id-3',
  );
});

test('takes a suggested address into the form, with empty text for missing fields', () => {
  assert.deepEqual(
    addressFormValues({
      country: 'jp',
      city: '千代田区',
      addressLine1: '丸の内1-1-1',
      postalCode: '100-0005',
    }),
    {
      country: 'JP',
      addressLine1: '丸の内1-1-1',
      addressLine2: '',
      city: '千代田区',
      state: '',
      postalCode: '100-0005',
      phoneNumber: '',
    },
  );
});

test('takes a suggested address without losing what the suggestion leaves out', () => {
  const next = applySuggestion(
    { ...values, phoneNumber: '03-1111-2222' },
    { country: 'JP', addressLine1: '丸の内1丁目', postalCode: '100-0005' },
  );
  assert.equal(next.addressLine1, '丸の内1丁目');
  assert.equal(next.postalCode, '100-0005');
  assert.equal(next.phoneNumber, '03-1111-2222');
  assert.equal(next.city, values.city);
  assert.equal(next.country, values.country);
});
