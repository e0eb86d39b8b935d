import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../src/store/postgres/postgres-store.ts';
import type { NewQuestion } from '../../src/store/store.ts';
import { noticePostgresSkipped, TEST_DATABASE_URL, testSchema } from './store-backends.ts';

noticePostgresSkipped();

const T0 = 1_700_000_000_000;
const LEASE = 30_000;

function question(n: number): NewQuestion {
  const ts = `1700000000.00000${n}`;
  return { key: `T1:C1:${ts}`, team: 'T1', channel: 'C1', ts, threadTs: null, replyThreadTs: ts, user: 'U1', surface: 'mention', text: 'What is Hyper-V?', responseUrl: null, receivedAt: T0 };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Rejects if `work` has not settled within `ms`: the statement is waiting on a lock. */
function within<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms))]);
}

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL row locks', () => {
  it('renewing the leases never waits for a row another statement holds (an outcome being recorded): it renews the rest', async () => {
    const schema = testSchema();
    const store = new PostgresStore({ connectionString: TEST_DATABASE_URL ?? '', schema, maxConnections: 4 });
    await store.migrate();
    cleanups.push(async () => {
      await store.dropSchema();
      await store.close();
    });
    for (const n of [1, 2]) await store.enqueue(question(n));
    expect(await store.claim({ owner: 'a', limit: 5, leaseMs: LEASE, now: T0 })).toHaveLength(2);

    // Another connection holds one of the rows, as a batch of outcomes does while it is written.
    const other = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
    await other.connect();
    cleanups.push(() => other.end());
    await other.query('BEGIN');
    await other.query('SELECT 1 FROM questions WHERE key = $1 FOR UPDATE', [question(1).key]);

    expect(await within(store.renewLeases('a', LEASE, T0 + 10_000), 3_000)).toBe(1);
    await other.query('ROLLBACK');
    expect(await store.renewLeases('a', LEASE, T0 + 20_000)).toBe(2);
  });
});
