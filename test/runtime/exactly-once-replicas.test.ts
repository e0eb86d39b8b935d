import { describe, expect, it } from 'vitest';
import { buttons } from '../helpers/blocks.ts';
import { useCleanups } from '../helpers/cleanups.ts';
import { findQuestion } from '../helpers/engine-probes.ts';
import { seedsEngine } from '../helpers/seeds-engine.ts';
import { blockAction } from '../helpers/slack-payloads.ts';
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

  it('one "Did you mean" chooser clicked on each replica at once: the chooser becomes one answer (one chat.update)', async () => {
    const api = await new FakeSlackApi().start();
    cleanups.push(() => api.stop());
    const [a, b] = [await replica(api, 'replica-a'), await replica(api, 'replica-b')];
    const ambiguous = findQuestion(await seedsEngine(), 'ambiguous');
    if (!ambiguous) throw new Error('no probe question is ambiguous: add one to test/helpers/engine-probes.ts');
    await signedPost(a, mentionEvent('CCHOOSE', ambiguous.question, '1700000444.000001'));
    await waitFor(() => api.callsTo('chat.postMessage', { channel: 'CCHOOSE' }).length === 1, 'the chooser');
    const chooser = api.callsTo('chat.postMessage', { channel: 'CCHOOSE' })[0]!;
    const [first, second] = buttons(JSON.parse(chooser.params['blocks'] ?? '[]')).filter((x) => x.blockId === 'faq_choices');
    const messageTs = api.messages.get('CCHOOSE')?.[0]?.ts ?? '';
    const click = (port: number, choice: { actionId: string; value: string }, user: string) =>
      signedPost(port, new URLSearchParams({ payload: JSON.stringify(blockAction({ actionId: choice.actionId, value: choice.value, responseUrl: `${api.url}respond/choose`, channel: 'CCHOOSE', messageTs, threadTs: '1700000444.000001', user })) }).toString(), {
        contentType: 'application/x-www-form-urlencoded',
      });
    const acks = await Promise.all([click(a, first!, 'U0ALICE'), click(b, second ?? first!, 'U0BOB')]);
    expect(acks.map((r) => r.status)).toEqual([200, 200]);
    await waitFor(() => api.callsTo('chat.update').length >= 1, 'the chooser replaced');
    await settle(500);
    expect(api.callsTo('chat.update')).toHaveLength(1);
    expect(api.callsTo('chat.update')[0]?.params).toMatchObject({ channel: 'CCHOOSE', ts: messageTs });
    expect(api.callsTo('chat.postMessage', { channel: 'CCHOOSE' })).toHaveLength(1);
  }, 30_000);
});
noticePostgresSkipped();
