import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../src/json-logger.ts';
import { DurableInbox, MAX_PENDING_AGE_MS } from '../../src/runtime/durable-inbox.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { useCleanups } from '../helpers/cleanups.ts';
import { tempDbFile } from '../helpers/temp-db.ts';
import { noticePostgresSkipped, TEST_DATABASE_URL, usePostgresSchema } from '../store/store-backends.ts';
import { startHttpBot } from './helpers/run-serve.ts';

/**
 * /healthz is 503, with the reason in the body, when the store is unreachable, when Slack refuses
 * the token (replays-and-edits.test.ts), or when a question has waited unanswered over 60 s: an
 * orchestrator then stops routing to this replica or restarts it.
 */
const cleanups = useCleanups();
const T0 = 1_800_000_000_000;

function inboxOn(store: SqliteStore, now: () => number): DurableInbox {
  return new DurableInbox(store, createJsonLogger({ stream: new PassThrough(), level: 'error', secrets: [] }), now);
}

describe('health: the oldest unanswered question', () => {
  it('is healthy while the oldest waits up to 60 s, and unhealthy, saying how long, past it', async () => {
    const store = new SqliteStore(tempDbFile());
    await store.migrate();
    cleanups.push(() => store.close());
    let now = T0;
    const inbox = inboxOn(store, () => now);
    await store.enqueue({
      key: 'T1:C1:1700000000.000001', team: 'T1', channel: 'C1', ts: '1700000000.000001', threadTs: null, replyThreadTs: '1700000000.000001',
      user: 'U1', surface: 'mention', text: 'What is Hyper-V?', responseUrl: null, receivedAt: T0,
    });
    now = T0 + MAX_PENDING_AGE_MS;
    expect(await inbox.health()).toEqual({ healthy: true, reasons: [] });
    now = T0 + MAX_PENDING_AGE_MS + 5_000;
    expect(await inbox.health()).toEqual({ healthy: false, reasons: ['the oldest unanswered question has waited 65 s'] });
    // Answered: healthy again.
    const [claimed] = await store.claim({ owner: 'a', limit: 1, leaseMs: 30_000, now });
    await store.complete(claimed?.key ?? '', 'a', { status: 'answered', entryId: null, score: null, answerTs: '1700000001.000001', answeredAt: now, revision: 0 });
    expect(await inbox.health()).toEqual({ healthy: true, reasons: [] });
  });

  it('a closed store counts as unreachable', async () => {
    const store = new SqliteStore(tempDbFile());
    await store.migrate();
    await store.close();
    const health = await inboxOn(store, () => T0).health();
    expect(health.healthy).toBe(false);
    expect(health.reasons[0]).toMatch(/^store unreachable: /);
  });
});

/** A TCP relay to PostgreSQL that the test can cut, as a network partition would. */
async function relayTo(target: URL): Promise<{ port: number; cut: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const cut = async (): Promise<void> => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const s of sockets) s.destroy();
    await closed;
  };
  return { port: (server.address() as AddressInfo).port, cut };
}

describe.skipIf(!TEST_DATABASE_URL)('health: PostgreSQL unreachable', () => {
  const pg = usePostgresSchema();

  it('/healthz turns 503 with "store unreachable" once the database cannot be reached', async () => {
    const target = new URL(TEST_DATABASE_URL ?? '');
    const relay = await relayTo(target);
    const url = new URL(target.href);
    url.port = String(relay.port);
    const { port } = await startHttpBot(cleanups, { DATABASE_URL: pg.databaseUrl(url.href) });
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    await relay.cut();
    // The pool's next connection attempt is refused: within a few probes (each waits up to 2 s).
    let response = await fetch(`http://127.0.0.1:${port}/healthz`);
    for (let i = 0; i < 20 && response.status === 200; i += 1) response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; reasons: string[] };
    expect(body.status).toBe('unhealthy');
    expect(body.reasons[0]).toMatch(/^store unreachable: /);
  }, 20_000);
});
noticePostgresSkipped();
