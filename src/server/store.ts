import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomInt } from 'node:crypto';
import { foldForSearch, type CustomerFilter } from '../contract/index.ts';
import { ifMatchAllows, type IfMatch } from './if-match.ts';
import { DEFAULT_SEED_COUNT, generateSeedCustomers, type SeedCustomer } from './seed.ts';

/** A billing address as stored: every field the reference server keeps, empty when not given. */
export type StoredAddress = {
  country: string;
  region: string;
  city: string;
  state: string;
  addressLine1: string;
  addressLine2: string;
  postalCode: string;
  firstName: string;
  lastName: string;
  phoneNumber: string;
};

/** A billing profile as stored: everything but links and attributes (the ETag is a column). */
export type StoredProfile = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  culture: string;
  language: string;
  companyName: string;
  defaultAddress: StoredAddress;
};

/** A customer row as the list needs it. */
export interface CustomerRow {
  id: string;
  tenantId: string;
  domain: string;
  companyName: string;
  country: string;
  state: string;
  city: string;
  sortKey: string;
}

/** A customer with its billing profile and the profile's current ETag. */
export interface CustomerRecord extends CustomerRow {
  profile: StoredProfile;
  etag: string;
}

/** Where the next page starts: after this sort key and id. */
export interface PageCursor {
  key: string;
  id: string;
}

/** The stored outcome of an update, replayed for a retry with the same `MS-RequestId`. */
export interface UpdateOutcome {
  status: number;
  body: string;
  etag?: string | undefined;
}

/** What an update asks for. */
export interface UpdateRequest {
  customerId: string;
  /** The `If-Match` condition the current ETag must meet. */
  ifMatch: IfMatch;
  requestId?: string | undefined;
  profile: StoredProfile;
  /** Builds the response body for a successful update from the new ETag. */
  renderSuccess: (etag: string) => string;
  /** Body of the stale-ETag answer (HTTP 400, code 2055, as Partner Center answers). */
  conflictBody: string;
}

/** How long a request id is remembered. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * How many forgotten request ids each logged update deletes: more than one, so the log shrinks
 * back after a burst, and few, so no update waits on a big delete.
 */
export const REQUEST_LOG_PRUNE_BATCH = 16;

/** How a store is set up beyond its file. */
export interface AccountStoreOptions {
  /** The clock, in milliseconds since the epoch (tests pass their own). */
  now?: () => number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS customers (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  domain TEXT NOT NULL,
  company_name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  domain_key TEXT NOT NULL,
  list_key TEXT NOT NULL,
  country TEXT NOT NULL,
  state TEXT NOT NULL,
  city TEXT NOT NULL,
  profile TEXT NOT NULL,
  etag TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS customers_by_name ON customers (name_key, id);
CREATE INDEX IF NOT EXISTS customers_by_domain ON customers (domain_key, id);
CREATE INDEX IF NOT EXISTS customers_in_order ON customers (list_key, id);
CREATE TABLE IF NOT EXISTS request_log (
  request_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  etag TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (request_id, customer_id)
) STRICT;
CREATE INDEX IF NOT EXISTS request_log_by_age ON request_log (created_at);
`;

/** Every string that starts with a prefix sorts below prefix + U+10FFFF (UTF-8 byte order). */
const PREFIX_END = '\u{10FFFF}';

/** A new ETag in Partner Center's style: a signed 64-bit number as text (`-4242348048554929329`). */
function newEtag(): string {
  const high = BigInt(randomInt(0, 2 ** 32));
  const low = BigInt(randomInt(0, 2 ** 32));
  return BigInt.asIntN(64, (high << 32n) | low).toString();
}

/** The unfiltered list's order: the order customers were added, as text that sorts the same. */
function listKey(position: number): string {
  return String(position).padStart(10, '0');
}

function hashBody(profile: StoredProfile, ifMatch: IfMatch): string {
  return createHash('sha256')
    .update(JSON.stringify([profile, ifMatch]))
    .digest('base64url');
}

/**
 * The accounts database on node:sqlite. Writes run in `BEGIN IMMEDIATE` transactions, so a
 * second process on the same file waits instead of interleaving; a file database uses WAL.
 */
export class AccountStore {
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  readonly #now: () => number;

  /** Opens (and creates) the database at `path`, or an in-memory one for `:memory:`. */
  constructor(path: string, options: AccountStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.#db = new DatabaseSync(path);
    if (path !== ':memory:') {
      this.#db.exec('PRAGMA journal_mode = WAL');
      // NORMAL in WAL mode survives process crashes and restarts; only power loss can drop the
      // last commits, which is fine for a reference server.
      this.#db.exec('PRAGMA synchronous = NORMAL');
      this.#db.exec('PRAGMA busy_timeout = 5000');
    }
    this.#dropOutdatedSchema();
    this.#db.exec(SCHEMA);
  }

  /**
   * A database made before customers had their list order is demo data in an old shape: it is
   * dropped, and `seedIfEmpty` seeds it again.
   */
  #dropOutdatedSchema(): void {
    const columns = this.#db.prepare('PRAGMA table_info(customers)').all() as { name: string }[];
    if (columns.length > 0 && !columns.some((column) => column.name === 'list_key')) {
      this.#db.exec('DROP TABLE customers; DROP TABLE IF EXISTS request_log;');
    }
  }

  #statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #transaction<T>(work: () => T): T {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.#db.exec('COMMIT');
      return result;
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Number of customers stored. */
  count(): number {
    const row = this.#statement('SELECT count(*) AS n FROM customers').get() as { n: number };
    return row.n;
  }

  /** Seeds the demo customers when the database is empty; returns how many were added. */
  seedIfEmpty(count: number = DEFAULT_SEED_COUNT): number {
    if (this.count() > 0) return 0;
    return this.reset(count);
  }

  /** Deletes everything and seeds `count` demo customers. */
  reset(count: number = DEFAULT_SEED_COUNT): number {
    const customers = generateSeedCustomers(count);
    this.#transaction(() => {
      this.#db.exec('DELETE FROM customers; DELETE FROM request_log;');
      customers.forEach((customer, position) => this.#insert(customer, position));
    });
    return customers.length;
  }

  #insert(customer: SeedCustomer, position: number): void {
    const { profile } = customer;
    const address = profile.defaultAddress;
    this.#statement(
      `INSERT INTO customers (id, tenant_id, domain, company_name, name_key, domain_key, list_key, country, state, city, profile, etag, version, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
    ).run(
      customer.id,
      customer.id,
      customer.domain,
      profile.companyName,
      foldForSearch(profile.companyName),
      foldForSearch(customer.domain),
      listKey(position),
      address.country.toUpperCase(),
      address.state ?? '',
      address.city,
      JSON.stringify(profile),
      newEtag(),
      new Date(0).toISOString(),
    );
  }

  /**
   * One page of customers in (sort key, id) order, after `cursor`. With a filter the sort key
   * is the searched field, folded, so the prefix search is an index range scan; without one it
   * is the order the customers were added, as Partner Center lists a partner's customers.
   */
  list(options: {
    size: number;
    filter?: CustomerFilter | undefined;
    after?: PageCursor | undefined;
  }): CustomerRow[] {
    const column = !options.filter
      ? 'list_key'
      : options.filter.Field === 'Domain'
        ? 'domain_key'
        : 'name_key';
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (options.filter) {
      const prefix = foldForSearch(options.filter.Value);
      where.push(`${column} >= ? AND ${column} < ?`);
      params.push(prefix, prefix + PREFIX_END);
    }
    if (options.after) {
      where.push(`(${column}, id) > (?, ?)`);
      params.push(options.after.key, options.after.id);
    }
    const sql = `SELECT id, tenant_id AS tenantId, domain, company_name AS companyName, country, state, city, ${column} AS sortKey
      FROM customers ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${column}, id LIMIT ?`;
    params.push(options.size);
    return this.#statement(sql).all(...params) as unknown as CustomerRow[];
  }

  /** A customer with its billing profile, or `undefined`. */
  get(id: string): CustomerRecord | undefined {
    const row = this.#statement(
      `SELECT id, tenant_id AS tenantId, domain, company_name AS companyName, country, state, city, name_key AS sortKey, profile, etag
       FROM customers WHERE id = ?`,
    ).get(id) as (Omit<CustomerRecord, 'profile'> & { profile: string }) | undefined;
    return row ? { ...row, profile: JSON.parse(row.profile) as StoredProfile } : undefined;
  }

  /**
   * Applies an update if the current ETag meets `ifMatch`, atomically with the request-id log:
   * a retry with the same `MS-RequestId` for the same customer within a day gets the first
   * outcome back (200, or 400/2055 for a stale ETag) and changes nothing. Returns `undefined` when the customer does not
   * exist and `reused` when the request id was used for a different body.
   */
  update(request: UpdateRequest): UpdateOutcome | 'reused' | undefined {
    const bodyHash = hashBody(request.profile, request.ifMatch);
    const now = this.#now();
    return this.#transaction(() => {
      if (request.requestId) {
        // A forgotten id may still have its row until it is pruned: it must not replay.
        const logged = this.#statement(
          'SELECT body_hash AS bodyHash, status, body, etag FROM request_log WHERE request_id = ? AND customer_id = ? AND created_at >= ?',
        ).get(request.requestId, request.customerId, now - IDEMPOTENCY_TTL_MS) as
          (UpdateOutcome & { bodyHash: string; etag: string | null }) | undefined;
        if (logged) {
          if (logged.bodyHash !== bodyHash) return 'reused';
          return { status: logged.status, body: logged.body, etag: logged.etag ?? undefined };
        }
      }
      const current = this.#statement('SELECT etag FROM customers WHERE id = ?').get(
        request.customerId,
      ) as { etag: string } | undefined;
      if (!current) return undefined;
      let outcome: UpdateOutcome;
      if (!ifMatchAllows(request.ifMatch, current.etag)) {
        outcome = { status: 400, body: request.conflictBody };
      } else {
        const etag = newEtag();
        const { profile } = request;
        this.#statement(
          `UPDATE customers SET company_name = ?, name_key = ?, country = ?, state = ?, city = ?, profile = ?, etag = ?,
             version = version + 1, updated_at = ? WHERE id = ?`,
        ).run(
          profile.companyName,
          foldForSearch(profile.companyName),
          profile.defaultAddress.country.toUpperCase(),
          profile.defaultAddress.state ?? '',
          profile.defaultAddress.city,
          JSON.stringify(profile),
          etag,
          new Date(now).toISOString(),
          request.customerId,
        );
        outcome = { status: 200, body: request.renderSuccess(etag), etag };
      }
      if (request.requestId) {
        this.#statement(
          'INSERT OR REPLACE INTO request_log (request_id, customer_id, body_hash, status, body, etag, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ).run(
          request.requestId,
          request.customerId,
          bodyHash,
          outcome.status,
          outcome.body,
          outcome.etag ?? null,
          now,
        );
        this.pruneRequestLog(REQUEST_LOG_PRUNE_BATCH);
      }
      return outcome;
    });
  }

  /**
   * Deletes the rows of request ids older than a day, the oldest first, at most `limit` of them
   * (all without a limit); returns how many it deleted.
   */
  pruneRequestLog(limit?: number): number {
    const result = this.#statement(
      `DELETE FROM request_log WHERE rowid IN
         (SELECT rowid FROM request_log WHERE created_at < ? ORDER BY created_at LIMIT ?)`,
    ).run(this.#now() - IDEMPOTENCY_TTL_MS, limit ?? -1);
    return Number(result.changes);
  }

  /** Number of request ids in the log, forgotten ones not yet pruned included. */
  requestLogSize(): number {
    const row = this.#statement('SELECT count(*) AS n FROM request_log').get() as { n: number };
    return row.n;
  }

  /** Closes the database. */
  close(): void {
    if (this.#db.isOpen) this.#db.close();
  }
}
