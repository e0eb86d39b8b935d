import { describe, expect, it } from 'vitest';
import { useCleanups } from '../helpers/cleanups.ts';
import { settle, waitFor } from '../helpers/wait-for.ts';
import { noticePostgresSkipped, TEST_DATABASE_URL, usePostgresSchema } from '../store/store-backends.ts';
import { FakeSlackApi } from '../slack-stand-in/fake-slack-api.ts';
import { BOT_TOKEN, mentionEvent, runServe, SIGNING_SECRET, signedPost } from './helpers/run-serve.ts';

const cleanups = useCleanups();

/**
 * Two replicas on one PostgreSQL store behind a load balancer: Slack's retry of an event, or a
 * duplicate delivery of it (new event_id), may reach the other replica. Each question is still
 * answered once: its key is unique in the shared store.
 */
describe.skipIf(!TEST_DATABASE_URL)('two replicas sharing PostgreSQL', () => {
  const pg = usePostgresSchema();

  async function replica(api: FakeSlackApi, id: string): Promise<number> {
    const bot = runServe({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url, FAQBOT_REPLICA_ID: id, DATABASE_URL: pg.databaseUrl() });
    cleanups.push(async () => {
      bot.signals.emit('SIGTERM');
      await bot.exit;
    });
    const { port } = await bot.ready;
    if (port === undefined) throw new Error('no port');
    return port;
  }

  it('the event to one replica, its retry and a duplicate delivery to the other: answered once', async () => {
    const api = await new FakeSlackApi().start();
    cleanups.push(() => api.stop());
    const [a, b] = [await replica(api, 'replica-a'), await replica(api, 'replica-b')];
    const channels = Array.from({ length: 10 }, (_, i) => `CREPL${i}`);
    await Promise.all(
      channels.map(async (channel, i) => {
        const body = mentionEvent(channel, 'Who founded OpenStack?');
        const [first, other] = i % 2 === 0 ? [a, b] : [b, a];
        const duplicate = JSON.stringify({ ...(JSON.parse(body) as Record<string, unknown>), event_id: `EvDup${i}` });
        // At once, as a slow ack makes Slack retry while the first delivery is still being handled.
        const acks = await Promise.all([signedPost(first, body), signedPost(other, body, { retryNum: 1 }), signedPost(other, duplicate)]);
        expect(acks.map((r) => r.status)).toEqual([200, 200, 200]);
      }),
    );
    await waitFor(() => channels.every((c) => (api.messages.get(c)?.length ?? 0) >= 1), 'every question answered', 10_000);
    await settle(500);
    for (const channel of channels) expect(api.callsTo('chat.postMessage', { channel }), channel).toHaveLength(1);
  }, 30_000);
});
noticePostgresSkipped();
