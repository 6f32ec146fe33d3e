import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readStepLocation, withStepLocation } from './step-location.ts';

const page = 'https://help.example/en/partner-center/update-customer-account-info/?tab=1';

test('writes a step and its customer into the address and reads them back', () => {
  const url = withStepLocation(new URL(page), { step: 'update', customerId: 'a b/c' });
  assert.equal(url.searchParams.get('tab'), '1');
  assert.deepEqual(readStepLocation(url), { step: 'update', customerId: 'a b/c' });
});

test('Customers leaves the address as the host page wrote it', () => {
  const deep = withStepLocation(new URL(page), { step: 'account', customerId: 'c1' });
  assert.equal(withStepLocation(deep, { step: 'customers' }).href, page);
});

test('ignores an unknown step and a later step without a customer', () => {
  assert.equal(readStepLocation(new URL(`${page}&cau-step=admin&cau-customer=c1`)), undefined);
  assert.equal(readStepLocation(new URL(`${page}&cau-step=update`)), undefined);
  assert.equal(readStepLocation(new URL(page)), undefined);
});
