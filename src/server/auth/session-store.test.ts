import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  SessionStore,
  TooManySessionsError,
  type PendingSignIn,
  type SessionUser,
} from './session-store.ts';

const ada: SessionUser = { name: 'Ada', username: undefined, subject: 's' };

const pending = (startedAt: number): PendingSignIn => ({
  codeVerifier: 'v',
  nonce: 'n',
  returnTo: '/',
  startedAt,
});

describe('SessionStore', () => {
  test('gives each session a different 256-bit id', () => {
    const store = new SessionStore();
    const ids = new Set(Array.from({ length: 100 }, () => store.create(ada).id));
    assert.equal(ids.size, 100);
    for (const id of ids) assert.equal(Buffer.from(id, 'base64url').length, 32);
  });

  test('ends a session after the idle time, and after the absolute time however busy', () => {
    const clock = { now: 0 };
    const store = new SessionStore({
      now: () => clock.now,
      limits: { idleMs: 100, absoluteMs: 250 },
    });
    const session = store.create(ada);
    clock.now = 90;
    assert.equal(store.get(session.id), session);
    clock.now = 180;
    assert.equal(store.get(session.id), session);
    clock.now = 260;
    assert.equal(store.get(session.id), undefined);

    const idle = store.create(ada);
    clock.now += 101;
    assert.equal(store.get(idle.id), undefined);
  });

  test('hands out a sign-in in flight once, and not after it expired', () => {
    const clock = { now: 0 };
    const store = new SessionStore({ now: () => clock.now, limits: { pendingMs: 50 } });
    store.addPending('a', pending(0));
    store.addPending('b', pending(0));
    assert.ok(store.takePending('a'));
    assert.equal(store.takePending('a'), undefined);
    clock.now = 51;
    assert.equal(store.takePending('b'), undefined);
  });

  test('refuses a session, or a sign-in, beyond the limit', () => {
    const store = new SessionStore({ limits: { maxSessions: 2 } });
    store.create(ada);
    store.create(ada);
    assert.throws(() => store.create(ada), TooManySessionsError);
    store.addPending('a', pending(Date.now()));
    store.addPending('b', pending(Date.now()));
    assert.throws(() => store.addPending('c', pending(Date.now())), TooManySessionsError);
  });

  test('forgets sign-ins that can no longer finish, making room for new ones', () => {
    const clock = { now: 0 };
    const store = new SessionStore({
      now: () => clock.now,
      limits: { maxSessions: 1, pendingMs: 50 },
    });
    store.addPending('old', pending(0));
    clock.now = 51;
    store.addPending('new', pending(51));
    assert.ok(store.takePending('new'));
  });
});
