import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { ANSWER_RETRY } from '../../src/runtime/answer-retry.ts';
import { useCleanups } from '../helpers/cleanups.ts';
import { settle, waitFor } from '../helpers/wait-for.ts';
import { FakeSlackApi, type ApiHandler } from '../slack-stand-in/fake-slack-api.ts';
import { BOT_TOKEN, SIGNING_SECRET, mentionEvent, runServe, signedPost } from './helpers/run-serve.ts';

const cleanups = useCleanups();

/** The bot in HTTP mode against a stand-in whose chat.postMessage answers with `handler` first. */
async function startBot(handler: ApiHandler): Promise<{ api: FakeSlackApi; port: number; bot: ReturnType<typeof runServe> }> {
  const api = await new FakeSlackApi(handler).start();
  const bot = runServe({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url });
  cleanups.push(async () => {
    bot.signals.emit('SIGTERM');
    expect(await bot.exit).toBe(0);
    await api.stop();
  });
  const { port } = await bot.ready;
  if (port === undefined) throw new Error('no port');
  return { api, port, bot };
}

/** Log lines at warn or error that mention `text`. */
function complaints(bot: ReturnType<typeof runServe>, text: string): Array<Record<string, unknown>> {
  return bot.stdout.entries.filter((e) => (e['level'] === 'error' || e['level'] === 'warn') && JSON.stringify(e).includes(text));
}

const posts = (channel: string) => (api: FakeSlackApi) => api.callsTo('chat.postMessage', { channel });

describe('Slack API faults while answering', () => {
  it.each(['not_in_channel', 'channel_not_found', 'is_archived', 'msg_too_long'])(
    'permanent error %s: tried once, logged once, the bot carries on',
    async (error) => {
      const { api, port, bot } = await startBot((call) =>
        call.method === 'chat.postMessage' && call.params['channel'] === 'CBROKEN' ? { ok: false, error } : undefined,
      );
      expect((await signedPost(port, mentionEvent('CBROKEN', 'Who founded OpenStack?'))).status).toBe(200);
      await waitFor(() => complaints(bot, error).length > 0, `the ${error} to be logged`);
      // The next question, elsewhere, is answered: by then the failed one has been fully handled.
      await signedPost(port, mentionEvent('CFINE', 'Who founded OpenStack?'));
      await waitFor(() => posts('CFINE')(api).length > 0, 'the next answer');
      await settle();
      expect(posts('CBROKEN')(api)).toHaveLength(1);
      expect(complaints(bot, error)).toHaveLength(1);
      expect(complaints(bot, error)[0]).toMatchObject({ level: 'error' });
    },
  );

  it('HTTP 500 then success: looked for before posting again, answered exactly once, nothing logged as an error', async () => {
    const { api, port, bot } = await startBot((call) =>
      call.method === 'chat.postMessage' && call.seq === 1 ? { status: 500, body: 'upstream trouble' } : undefined,
    );
    await signedPost(port, mentionEvent('CFLAKY', 'Who founded OpenStack?'));
    await waitFor(() => posts('CFLAKY')(api).length === 2, 'the retry');
    await settle();
    expect(posts('CFLAKY')(api)).toHaveLength(2);
    expect(api.calls.map((c) => c.method).filter((m) => m !== 'auth.test')).toEqual(['chat.postMessage', 'conversations.replies', 'chat.postMessage']);
    expect(bot.stdout.entries.filter((e) => e['level'] === 'error')).toEqual([]);
  });

  it('a dropped connection then success: retried, answered once', async () => {
    const { api, port } = await startBot((call) => (call.method === 'chat.postMessage' && call.seq === 1 ? 'reset' : undefined));
    await signedPost(port, mentionEvent('CRESET', 'Who founded OpenStack?'));
    await waitFor(() => posts('CRESET')(api).length === 2, 'the retry');
    await settle();
    expect(posts('CRESET')(api)).toHaveLength(2);
  });

  it('HTTP 503 every time: postponed with a warning and a growing wait, never posted blindly again; the bot keeps serving', async () => {
    const { api, port, bot } = await startBot((call) => (call.method === 'chat.postMessage' ? { status: 503 } : undefined));
    await signedPost(port, mentionEvent('CDOWN', 'Who founded OpenStack?'));
    await waitFor(() => complaints(bot, 'HTTP 503').length === 2, 'the second attempt to fail', 5_000);
    const postponed = complaints(bot, 'HTTP 503');
    expect(postponed.map((e) => [e['level'], e['retryInMs']])).toEqual([['warn', 1000], ['warn', 2000]]);
    // Each attempt after the first looks for an answer already posted before posting.
    const methods = api.calls.map((c) => c.method).filter((m) => m !== 'auth.test');
    expect(methods).toEqual(['chat.postMessage', 'conversations.replies', 'chat.postMessage']);
    await signedPost(port, mentionEvent('COTHER', 'Who founded OpenStack?'));
    await waitFor(() => posts('COTHER')(api).length > 0, 'an answer elsewhere while CDOWN waits');
  }, 20_000);
});

describe('Slack API faults: the network', () => {
  it('connections dropped every time: postponed, looked for before each new attempt, no apology attempt', async () => {
    const { api, port, bot } = await startBot((call) => (call.method === 'chat.postMessage' ? 'reset' : undefined));
    await signedPost(port, mentionEvent('CNET', 'Who founded OpenStack?'));
    await waitFor(() => posts('CNET')(api).length === 2, 'the second attempt', 5_000);
    expect(bot.stdout.entries.find((e) => String(e['msg']).startsWith('Answer postponed'))).toMatchObject({ level: 'warn', retryInMs: 1000, channel: 'CNET' });
    expect(api.callsTo('conversations.replies')).toHaveLength(1);
    expect(complaints(bot, 'apology')).toEqual([]);
  }, 20_000);
});

describe('ANSWER_RETRY', () => {
  it('is bounded: 5xx retried 4 times, a platform error not at all', async () => {
    const api = await new FakeSlackApi((call) =>
      call.params['channel'] === 'C5XX' ? { status: 502 } : { ok: false, error: 'not_in_channel' },
    ).start();
    cleanups.push(() => api.stop());
    // The real policy, minus its waits.
    const client = new webApi.WebClient('xoxb-x', { slackApiUrl: api.url, retryConfig: { ...ANSWER_RETRY, minTimeout: 0, maxTimeout: 0 } });
    await expect(client.chat.postMessage({ channel: 'C5XX', text: 'x' })).rejects.toMatchObject({ code: webApi.ErrorCode.HTTPError });
    expect(api.callsTo('chat.postMessage', { channel: 'C5XX' })).toHaveLength(5);
    await expect(client.chat.postMessage({ channel: 'CPERM', text: 'x' })).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
    expect(api.callsTo('chat.postMessage', { channel: 'CPERM' })).toHaveLength(1);
  });
});
