import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SessionStore, TooManySessionsError, type PendingSignIn } from './session-store.ts';

const pending = (startedAt: number): PendingSignIn => ({
  codeVerifier: 'v',
  nonce: 'n',
  returnTo: '/',
  startedAt,
});

describe('SessionStore', () => {
  test('gives each session a different 256-bit id', () => {
    const store = new SessionStore();
    const ids = new Set(Array.from({ length: 100 }, () => store.create().id));
    assert.equal(ids.size, 100);
    for (const id of ids) assert.equal(Buffer.from(id, 'base64url').length, 32);
  });

  test('ends a signed-in session after the idle time, and after the absolute time however busy', () => {
    const clock = { now: 0 };
    const store = new SessionStore({
      now: () => clock.now,
      limits: { idleMs: 100, absoluteMs: 250 },
    });
    const session = store.create();
    session.user = { name: 'Ada', username: undefined, subject: 's' };
    clock.now = 90;
    assert.equal(store.get(session.id), session);
    clock.now = 180;
    assert.equal(store.get(session.id), session);
    clock.now = 260;
    assert.equal(store.get(session.id), undefined);

    const idle = store.create();
    idle.user = session.user;
    clock.now += 101;
    assert.equal(store.get(idle.id), undefined);
  });

  test('drops a session that only started a sign-in once the sign-in may no longer finish', () => {
    const clock = { now: 0 };
    const store = new SessionStore({ now: () => clock.now, limits: { pendingMs: 50 } });
    const session = store.create();
    store.addPending(session, 'state', pending(0));
    clock.now = 51;
    assert.equal(store.get(session.id), undefined);
  });

  test('hands out a pending sign-in once, and not after it expired', () => {
    const clock = { now: 0 };
    const store = new SessionStore({ now: () => clock.now, limits: { pendingMs: 50 } });
    const session = store.create();
    store.addPending(session, 'a', pending(0));
    store.addPending(session, 'b', pending(0));
    assert.ok(store.takePending(session, 'a'));
    assert.equal(store.takePending(session, 'a'), undefined);
    clock.now = 51;
    assert.equal(store.takePending(session, 'b'), undefined);
  });

  test('keeps only the newest sign-ins of one session', () => {
    const store = new SessionStore({ limits: { pendingPerSession: 2 } });
    const session = store.create();
    for (const state of ['a', 'b', 'c']) store.addPending(session, state, pending(Date.now()));
    assert.deepEqual([...session.pending.keys()], ['b', 'c']);
  });

  test('refuses a session beyond the limit', () => {
    const store = new SessionStore({ limits: { maxSessions: 2 } });
    store.create();
    store.create();
    assert.throws(() => store.create(), TooManySessionsError);
  });
});
