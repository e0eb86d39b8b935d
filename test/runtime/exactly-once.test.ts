import { describe, expect, it } from 'vitest';
import { useCleanups } from '../helpers/cleanups.ts';
import { tempDbFile } from '../helpers/temp-db.ts';
import { settle, waitFor } from '../helpers/wait-for.ts';
import type { ApiCall, FakeSlackApi } from '../slack-stand-in/fake-slack-api.ts';
import { mentionEvent, signedPost, startHttpBot } from './helpers/run-serve.ts';
import { startSharedApi } from './helpers/spawn-serve.ts';

const cleanups = useCleanups();
const QUESTION = 'Who founded OpenStack?';

const postsIn = (api: FakeSlackApi, channel: string): ApiCall[] => api.callsTo('chat.postMessage', { channel });

describe('every acked question answered exactly once, across crashes and restarts (SQLite)', () => {
  it('a retry or a duplicate delivery after a restart finds the question answered and posts nothing', async () => {
    const api = await startSharedApi(cleanups);
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
    const api = await startSharedApi(cleanups, (call) => (call.method === 'chat.postMessage' && call.seq === 1 ? fault : undefined));
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

});
