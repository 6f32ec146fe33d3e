import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  clearDrafts,
  latestDraft,
  loadDraft,
  saveDraft,
  type Draft,
  type DraftStorage,
} from './draft-store.ts';
import type { FormValues } from './profile-form.ts';

/** An in-memory Storage, like sessionStorage. */
function memoryStorage(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (index) => [...map.keys()][index] ?? null,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

const values: FormValues = {
  firstName: 'Riley',
  lastName: 'Lewis',
  email: 'billing@contoso.example.com',
  companyName: 'Contoso, Ltd.',
  country: 'US',
  addressLine1: '1 Microsoft Way',
  addressLine2: '',
  city: 'Redmond',
  state: 'WA',
  postalCode: '98052',
  phoneNumber: '',
  language: 'en',
  culture: 'en-US',
};
const draft = (label: string, savedAt: number, customerId = 'c1'): Draft => ({
  customerId,
  companyName: 'Contoso, Ltd.',
  values: { ...values, city: `City ${label}` },
  original: values,
  savedAt,
});

test('restores the draft saved for a customer', () => {
  const storage = memoryStorage();
  saveDraft(storage, draft('a', 1));
  assert.deepEqual(loadDraft(storage, 'c1'), draft('a', 1));
  assert.equal(loadDraft(storage, 'c2'), undefined);
});

test('keeps one draft per customer, and no ETag in it', () => {
  const storage = memoryStorage();
  saveDraft(storage, draft('a', 1));
  saveDraft(storage, draft('b', 2));
  assert.equal(storage.map.size, 1);
  assert.equal(loadDraft(storage, 'c1')?.values.city, 'City b');
  assert.doesNotMatch([...storage.map.values()].join(), /etag/i);
});

test('clears the drafts an earlier version kept per ETag', () => {
  const storage = memoryStorage();
  storage.setItem('customer-account-update:draft:c1:e1', JSON.stringify(draft('old', 1)));
  clearDrafts(storage, 'c1');
  assert.equal(storage.map.size, 0);
});

test('offers the newest draft of any customer', () => {
  const storage = memoryStorage();
  saveDraft(storage, draft('e1', 5, 'c1'));
  saveDraft(storage, draft('e9', 9, 'c2'));
  assert.equal(latestDraft(storage)?.customerId, 'c2');
});

test('clears the drafts of one customer only', () => {
  const storage = memoryStorage();
  saveDraft(storage, draft('e1', 1, 'c1'));
  saveDraft(storage, draft('e1', 1, 'c2'));
  clearDrafts(storage, 'c1');
  assert.equal(loadDraft(storage, 'c1'), undefined);
  assert.ok(loadDraft(storage, 'c2'));
});

test('ignores a corrupt or foreign entry instead of throwing', () => {
  const storage = memoryStorage();
  storage.setItem('customer-account-update:draft:c1:e1', '{not json');
  storage.setItem('customer-account-update:draft:c1:e2', JSON.stringify({ customerId: 'c1' }));
  assert.equal(loadDraft(storage, 'c1'), undefined);
});

test('reports a full or disabled storage as not saved', () => {
  const storage = memoryStorage();
  storage.setItem = () => {
    throw new DOMException('quota', 'QuotaExceededError');
  };
  assert.equal(saveDraft(storage, draft('e1', 1)), false);
});
