import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createApp } from './app.ts';
import type { IfMatch } from './if-match.ts';
import { WELL_KNOWN_CUSTOMERS } from './seed.ts';
import { AccountStore, IDEMPOTENCY_TTL_MS, REQUEST_LOG_PRUNE_BATCH } from './store.ts';

const CUSTOMER = WELL_KNOWN_CUSTOMERS.japanese.id;

describe('the request-id log', () => {
  let clock: number;
  let store: AccountStore;
  beforeEach(() => {
    clock = Date.UTC(2025, 0, 1);
    store = new AccountStore(':memory:', { now: () => clock });
    store.seedIfEmpty(20);
  });
  afterEach(() => store.close());

  /** Updates the customer's first name; the outcome's status, or `reused`. */
  function update(requestId: string, ifMatch: IfMatch, firstName = '太郎') {
    const current = store.get(CUSTOMER)!;
    const outcome = store.update({
      customerId: CUSTOMER,
      ifMatch,
      requestId,
      profile: { ...current.profile, firstName },
      renderSuccess: (etag) => `saved ${etag}`,
      conflictBody: 'conflict',
    });
    return typeof outcome === 'object' ? outcome.status : outcome;
  }

  test('replays a request id for a day, then forgets it', () => {
    const etag = store.get(CUSTOMER)!.etag;
    assert.equal(update('retry-1', [etag]), 200);

    // Replayed: without the log, this ETag is no longer current and would be a 400/2055.
    clock += IDEMPOTENCY_TTL_MS - 1;
    assert.equal(update('retry-1', [etag]), 200);

    clock += 2;
    assert.equal(update('retry-1', [etag]), 400);
  });

  test('lets a forgotten request id be used for another change', () => {
    update('reuse-1', '*');
    assert.equal(update('reuse-1', '*', '次郎'), 'reused');
    clock += IDEMPOTENCY_TTL_MS + 1;
    assert.equal(update('reuse-1', '*', '次郎'), 200);
  });

  test('prunes forgotten ids as new ones are logged, a bounded batch at a time', () => {
    const old = REQUEST_LOG_PRUNE_BATCH * 2 + 5;
    for (let index = 0; index < old; index += 1) update(`old-${index}`, '*');
    assert.equal(store.requestLogSize(), old);

    clock += IDEMPOTENCY_TTL_MS + 1;
    update('new-1', '*');
    assert.equal(store.requestLogSize(), old - REQUEST_LOG_PRUNE_BATCH + 1);
    update('new-2', '*');
    update('new-3', '*');
    assert.equal(store.requestLogSize(), 3);
  });

  test('keeps ids younger than a day when pruning', () => {
    update('young-1', '*');
    clock += IDEMPOTENCY_TTL_MS;
    assert.equal(store.pruneRequestLog(), 0);
    assert.equal(store.requestLogSize(), 1);
  });

  test('prunes every forgotten id when the server starts', async () => {
    for (let index = 0; index < REQUEST_LOG_PRUNE_BATCH * 3; index += 1)
      update(`old-${index}`, '*');
    clock += IDEMPOTENCY_TTL_MS + 1;
    const { app } = await createApp({ store, siteDir: false, log: false });
    await app.close();
    assert.equal(store.requestLogSize(), 0);
  });
});
