import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  dismissedNoticeAttribute,
  dismissedNoticeKey,
  dismissedNoticeScript,
} from './dismissed-notice.ts';

/** Runs the head script against a stand-in `localStorage` and `<html>`; returns the attributes set. */
function runScript(stored: Record<string, string>, storageThrows = false): string[] {
  const attributes: string[] = [];
  const localStorage = {
    getItem(key: string) {
      if (storageThrows) throw new Error('SecurityError');
      return stored[key] ?? null;
    },
  };
  const document = {
    documentElement: { setAttribute: (name: string) => attributes.push(name) },
  };
  new Function('localStorage', 'document', dismissedNoticeScript())(localStorage, document);
  return attributes;
}

test('marks the page when the reader dismissed the notice', () => {
  assert.deepEqual(runScript({ [dismissedNoticeKey]: '1' }), [dismissedNoticeAttribute]);
});

test('leaves the page alone when the notice was never dismissed', () => {
  assert.deepEqual(runScript({}), []);
});

test('leaves the page alone when storage is blocked', () => {
  assert.deepEqual(runScript({ [dismissedNoticeKey]: '1' }, true), []);
});
