import assert from 'node:assert/strict';
import { test } from 'node:test';
import { customerFilterFor } from './customer-search.ts';

test('searches company names for words and domains for domain-like text', () => {
  assert.equal(customerFilterFor('  '), undefined);
  assert.deepEqual(customerFilterFor(' Contoso, Ltd. '), {
    Field: 'CompanyName',
    Value: 'Contoso, Ltd.',
    Operator: 'starts_with',
  });
  assert.equal(customerFilterFor('contoso.onmicrosoft')?.Field, 'Domain');
  assert.equal(customerFilterFor('さくら')?.Field, 'CompanyName');
  assert.equal(customerFilterFor('ｶﾌﾞｼｷ')?.Field, 'CompanyName');
});
