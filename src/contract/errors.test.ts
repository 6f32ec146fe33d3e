import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as z from 'zod/mini';
import { ERROR_CODES, errorMessageKey, toFieldIssues, type ErrorName } from './errors.ts';
import { ENGLISH_MESSAGES, formatEnglishMessage, isMessageKey, MESSAGE_KEYS } from './messages.ts';

test('uses Partner Center code 2055 for a stale ETag', () => {
  assert.equal(ERROR_CODES.concurrencyConflict, 2055);
});

test('gives every error code a message key the locales translate', () => {
  for (const name of Object.keys(ERROR_CODES) as ErrorName[]) {
    assert.ok(isMessageKey(`error.${name}`), `error.${name}`);
    assert.equal(errorMessageKey(ERROR_CODES[name]), `error.${name}`);
  }
});

test('falls back to the internal error key for an unknown code', () => {
  assert.equal(errorMessageKey(1), 'error.internal');
});

test('keeps error codes unique', () => {
  const codes = Object.values(ERROR_CODES);
  assert.equal(new Set(codes).size, codes.length);
});

test('lists every message key once', () => {
  assert.equal(new Set(MESSAGE_KEYS).size, Object.keys(ENGLISH_MESSAGES).length);
});

test('fills placeholders in English messages and keeps unknown ones', () => {
  assert.equal(
    formatEnglishMessage('validation.postalCode.format', { example: '100-0001' }),
    'Enter a postal code in the correct format, like 100-0001',
  );
  assert.equal(formatEnglishMessage('validation.tooLong'), 'Enter {{max}} characters or fewer');
});

test('turns length checks into keys with their bound as a parameter', () => {
  const schema = z.object({ city: z.string().check(z.maxLength(3, 'validation.city.tooLong')) });
  assert.deepEqual(toFieldIssues(schema.safeParse({ city: 'abcd' }).error!.issues), [
    { field: 'city', messageKey: 'validation.city.tooLong', params: { max: 3 } },
  ]);
});

test('uses a generic key when a schema gave no message key', () => {
  const schema = z.object({ n: z.number() });
  assert.deepEqual(toFieldIssues(schema.safeParse({ n: 'x' }).error!.issues), [
    { field: 'n', messageKey: 'validation.invalidType' },
  ]);
});
