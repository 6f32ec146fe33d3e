/**
 * Deletes every customer and seeds the deterministic demo data again (`npm run db:reset`).
 * Env: ACCOUNTS_DB (default .data/accounts.db), SEED_COUNT (default 1200).
 */
import { DEFAULT_DB_PATH } from './app.ts';
import { DEFAULT_SEED_COUNT } from './seed.ts';
import { AccountStore } from './store.ts';

const path = process.env['ACCOUNTS_DB'] || DEFAULT_DB_PATH;
const count = Number(process.env['SEED_COUNT'] ?? DEFAULT_SEED_COUNT);
const store = new AccountStore(path);
const seeded = store.reset(Number.isInteger(count) && count > 0 ? count : DEFAULT_SEED_COUNT);
store.close();
process.stdout.write(`Seeded ${seeded} customers into ${path}\n`);
