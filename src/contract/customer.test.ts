import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CustomerFilterSchema,
  customerListQuery,
  foldForSearch,
  PageSizeSchema,
} from './customer.ts';

const FOLDS: [input: string, expected: string][] = [
  ['ｶﾌﾞｼｷ', 'カブシキ'],
  ['カブシキ', 'カブシキ'],
  ['ＡＢＣ', 'abc'],
  ['Contoso', 'contoso'],
  ['  株式会社　さくら ', '株式会社 さくら'],
  ['臺北', '臺北'],
];

for (const [input, expected] of FOLDS) {
  test(`folds "${input}" to "${expected}" for search`, () => {
    assert.equal(foldForSearch(input), expected);
  });
}

const SIZES: [input: string, valid: boolean][] = [
  ['1', true],
  ['20', true],
  ['500', true],
  ['0', false],
  ['501', false],
  ['2.5', false],
  ['abc', false],
  ['-1', false],
];

for (const [input, valid] of SIZES) {
  test(`${valid ? 'accepts' : 'rejects'} the page size ${input}`, () => {
    assert.equal(PageSizeSchema.safeParse(input).success, valid);
  });
}

test('accepts the Partner Center filter shape', () => {
  assert.equal(
    CustomerFilterSchema.safeParse({ Field: 'Domain', Value: 'contoso', Operator: 'starts_with' })
      .success,
    true,
  );
});

test('rejects a filter on an unsupported field or operator', () => {
  assert.equal(
    CustomerFilterSchema.safeParse({ Field: 'Email', Value: 'a', Operator: 'starts_with' }).success,
    false,
  );
  assert.equal(
    CustomerFilterSchema.safeParse({ Field: 'Domain', Value: 'a', Operator: 'contains' }).success,
    false,
  );
});

test('builds a list query with an encoded filter', () => {
  const query = customerListQuery({
    size: 5,
    filter: { Field: 'CompanyName', Value: 'さくら', Operator: 'starts_with' },
  });
  const params = new URLSearchParams(query.slice(1));
  assert.equal(params.get('size'), '5');
  assert.deepEqual(JSON.parse(params.get('filter')!), {
    Field: 'CompanyName',
    Value: 'さくら',
    Operator: 'starts_with',
  });
});
