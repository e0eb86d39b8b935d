import { describe, expect, it } from 'vitest';
import { useCleanups } from '../helpers/cleanups.ts';
import { tempDbFile } from '../helpers/temp-db.ts';
import { settle, waitFor } from '../helpers/wait-for.ts';
import { FakeSlackApi, type ApiCall } from './helpers/fake-slack-api.ts';
import { mentionEvent, signedPost, startHttpBot } from './helpers/run-serve.ts';
import { startChildBot } from './helpers/spawn-serve.ts';

const cleanups = useCleanups();
const QUESTION = 'Who founded OpenStack?';

/** A stand-in Slack for several bot processes in turn (or at once), stopped after the test. */
async function sharedApi(handler?: (call: ApiCall) => ReturnType<NonNullable<FakeSlackApi['handler']>>): Promise<FakeSlackApi> {
  const api = await new FakeSlackApi(handler).start();
  cleanups.push(() => api.stop());
  return api;
}

const postsIn = (api: FakeSlackApi, channel: string): ApiCall[] => api.callsTo('chat.postMessage', { channel });

describe('every acked question answered exactly once, across crashes and restarts (SQLite)', () => {
  it('SIGKILL with acked questions unanswered: the next start answers every one, once', async () => {
    let hold = true;
    const api = await sharedApi((call) => (call.method === 'chat.postMessage' && hold ? 'hang' : undefined));
    const db = tempDbFile();
    const first = await startChildBot(cleanups, { api, env: { FAQBOT_DB: db, HOST: '127.0.0.1' } });
    const channels = Array.from({ length: 12 }, (_, i) => `CKILL${i}`);
    const acks = await Promise.all(channels.map((channel) => signedPost(first.port, mentionEvent(channel, QUESTION))));
    expect(acks.map((r) => r.status)).toEqual(channels.map(() => 200));
    await waitFor(() => api.callsTo('chat.postMessage').length > 0, 'answering to start');
    first.child.process.kill('SIGKILL');
    await first.child.exit;

    // Slack never sends an acked event again: only the store remembers them.
    hold = false;
    const attemptedBefore = new Set(api.callsTo('chat.postMessage').map((c) => c.params['channel'] ?? ''));
    await startChildBot(cleanups, { api, env: { FAQBOT_DB: db, HOST: '127.0.0.1' } });
    await waitFor(() => channels.every((c) => api.messages.get(c)?.length === 1), 'every question answered after the restart', 15_000);
    await settle(300);
    for (const channel of channels) expect(api.messages.get(channel)).toHaveLength(1);
    // The ones the killed process had started on were looked for before being posted again.
    for (const channel of attemptedBefore) expect(api.callsTo('conversations.replies', { channel }).length).toBeGreaterThan(0);
  }, 40_000);

  it('a retry or a duplicate delivery after a restart finds the question answered and posts nothing', async () => {
    const api = await sharedApi();
    const db = tempDbFile();
    const first = await startHttpBot(cleanups, { FAQBOT_DB: db, SLACK_API_URL: api.url });
    const body = mentionEvent('CREPLAY', QUESTION);
    await signedPost(first.port, body);
    await waitFor(() => postsIn(api, 'CREPLAY').length === 1, 'the answer');
    first.bot.signals.emit('SIGTERM');
    expect(await first.bot.exit).toBe(0);

    const second = await startHttpBot(cleanups, { FAQBOT_DB: db, SLACK_API_URL: api.url });
    expect((await signedPost(second.port, body, { retryNum: 1 })).status).toBe(200);
    const duplicate = JSON.stringify({ ...(JSON.parse(body) as Record<string, unknown>), event_id: 'EvDuplicateDelivery' });
    expect((await signedPost(second.port, duplicate)).status).toBe(200);
    await signedPost(second.port, mentionEvent('CAFTER', QUESTION));
    await waitFor(() => postsIn(api, 'CAFTER').length === 1, 'a later question answered');
    expect(postsIn(api, 'CREPLAY')).toHaveLength(1);
  });

  it.each(['post-then-reset', 'post-then-hang'] as const)('Slack posts but the bot never hears back (%s): the answer is found in the thread, posted once', async (fault) => {
    const api = await sharedApi((call) => (call.method === 'chat.postMessage' && call.seq === 1 ? fault : undefined));
    const { port, bot } = await startHttpBot(cleanups, { SLACK_API_URL: api.url, SLACK_TIMEOUT_MS: '300' });
    await signedPost(port, mentionEvent('CUNSURE', QUESTION));
    await waitFor(() => api.callsTo('conversations.replies', { channel: 'CUNSURE' }).length > 0, 'the lookup after the unknown outcome', 8_000);
    await signedPost(port, mentionEvent('CNEXT', QUESTION));
    await waitFor(() => postsIn(api, 'CNEXT').length === 1, 'the next answer');
    await settle(300);
    expect(postsIn(api, 'CUNSURE')).toHaveLength(1);
    expect(api.messages.get('CUNSURE')).toHaveLength(1);
    expect(bot.stdout.entries.filter((e) => e['level'] === 'error')).toEqual([]);
  }, 20_000);

  it('SIGTERM with Slack hanging on every post: the bot exits well inside a 10 s grace, and the next start answers', async () => {
    let hang = true;
    const api = await sharedApi((call) => (call.method === 'chat.postMessage' && hang ? 'hang' : undefined));
    const db = tempDbFile();
    const first = await startChildBot(cleanups, { api, env: { FAQBOT_DB: db, HOST: '127.0.0.1', SLACK_TIMEOUT_MS: '60000' } });
    await signedPost(first.port, mentionEvent('CSLOW', QUESTION));
    await waitFor(() => postsIn(api, 'CSLOW').length === 1, 'the post to hang');
    const stopping = Date.now();
    first.child.process.kill('SIGTERM');
    expect(await first.child.exit).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(8_000);
    expect(first.child.output).toContain('unanswered questions stay in the store');

    hang = false;
    await startChildBot(cleanups, { api, env: { FAQBOT_DB: db, HOST: '127.0.0.1' } });
    await waitFor(() => api.messages.get('CSLOW')?.length === 1, 'the answer after the restart', 10_000);
  }, 30_000);
});
