import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleStepOfWidgetStep, markCurrentStep } from './task-steps.ts';

/** The smallest stand-in for a list element that `markCurrentStep` touches. */
function fakeList(size: number) {
  const items = Array.from({ length: size }, () => {
    const attributes = new Map<string, string>();
    return {
      attributes,
      setAttribute: (name: string, value: string) => attributes.set(name, value),
      removeAttribute: (name: string) => attributes.delete(name),
    };
  });
  return { list: { children: items } as unknown as Element, items };
}

test('marks only the matching article step as current', () => {
  const { list, items } = fakeList(3);
  markCurrentStep(list, 2);
  assert.deepEqual(
    items.map((item) => item.attributes.get('aria-current')),
    [undefined, 'step', undefined],
  );
  markCurrentStep(list, 3);
  assert.deepEqual(
    items.map((item) => item.attributes.get('aria-current')),
    [undefined, undefined, 'step'],
  );
});

const expected = [
  ['customers', 1],
  ['account', 2],
  ['update', 2],
  ['submit', 3],
  ['done', 3],
] as const;
for (const [step, number] of expected) {
  test(`the widget's ${step} step carries out the article's step ${number}`, () => {
    assert.equal(articleStepOfWidgetStep['update-customer-account'][step], number);
  });
}
