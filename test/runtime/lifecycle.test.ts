import { describe, expect, it } from 'vitest';
import { useCleanups } from '../helpers/cleanups.ts';
import { settle, waitFor } from '../helpers/wait-for.ts';
import { tempDbFile } from '../helpers/temp-db.ts';
import { FakeSlackApi } from '../slack-stand-in/fake-slack-api.ts';
import { BOT_TOKEN, SIGNING_SECRET, mentionEvent, runServe, signedPost, startHttpBot } from './helpers/run-serve.ts';

const cleanups = useCleanups();

/** A gate a stand-in handler waits on, opened by the test. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

const env = (api: FakeSlackApi): NodeJS.ProcessEnv => ({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url });

describe('readiness', () => {
  it('/healthz answers 503 and events are refused until the index is built and Slack accepted the token', async () => {
    const authTest = gate();
    const api = await new FakeSlackApi(async (call) => {
      if (call.method === 'auth.test') await authTest.wait;
      return undefined;
    }).start();
    cleanups.push(() => api.stop());
    const bot = runServe(env(api));
    cleanups.push(async () => {
      authTest.open();
      bot.signals.emit('SIGTERM');
      await bot.exit;
    });
    const listening = await waitFor(() => bot.stdout.entries.find((e) => e['msg'] === 'Listening for Slack requests'), 'the server to listen');
    const port = Number(listening['port']);
    await waitFor(() => api.callsTo('auth.test').length > 0, 'auth.test');

    const early = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(early.status).toBe(503);
    expect(await early.json()).toEqual({ status: 'starting' });
    expect((await signedPost(port, mentionEvent('CEARLY', 'Who founded OpenStack?'))).status).toBe(503);

    authTest.open();
    await bot.ready;
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(api.callsTo('chat.postMessage')).toHaveLength(0);
  });
});

describe('graceful shutdown', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s: stops taking requests, finishes the answer in flight, exits 0', async (signal) => {
    const post = gate();
    const order: string[] = [];
    const { api, port, bot } = await startHttpBot(cleanups, {}, async (call) => {
      if (call.method !== 'chat.postMessage') return undefined;
      order.push('post received');
      await post.wait;
      order.push('post answered');
      return undefined;
    });

    expect((await signedPost(port, mentionEvent('CBUSY', 'Who founded OpenStack?'))).status).toBe(200);
    await waitFor(() => order.includes('post received'), 'the answer to be posting');
    bot.signals.emit(signal);
    void bot.exit.then(() => order.push('exited'));
    await waitFor(() => bot.stdout.entries.find((e) => String(e['msg']).startsWith('Shutting down')), 'shutdown to start');

    // No new work: the listening socket is closed.
    await expect(signedPost(port, mentionEvent('CLATE', 'Who founded OpenStack?'))).rejects.toThrow();
    expect(bot.stdout.entries.find((e) => String(e['msg']).startsWith('Shutting down'))).toMatchObject({ answering: 1 });

    post.open();
    expect(await bot.exit).toBe(0);
    expect(order).toEqual(['post received', 'post answered', 'exited']);
    expect(api.callsTo('chat.postMessage').map((c) => c.params['channel'])).toEqual(['CBUSY']);
    expect(bot.stdout.text).not.toContain('Stopped before every answer was sent');
    expect(bot.stdout.entries.at(-1)).toMatchObject({ msg: 'faqbot stopped', reason: signal });
  });

  it('acks a burst at once; on SIGTERM finishes the answers under way, and the next start answers the rest, each once', async () => {
    const post = gate();
    const db = tempDbFile();
    const { api, port, bot } = await startHttpBot(cleanups, { FAQBOT_DB: db }, async (call) => {
      if (call.method === 'chat.postMessage') await post.wait;
      return undefined;
    });

    // More than are answered at once (32): the rest wait in the store, acked.
    const channels = Array.from({ length: 40 }, (_, i) => `CBURST${i}`);
    const acks = await Promise.all(channels.map((channel) => signedPost(port, mentionEvent(channel, 'Who founded OpenStack?'))));
    expect(acks.map((r) => r.status)).toEqual(channels.map(() => 200));
    await waitFor(() => api.callsTo('chat.postMessage').length >= 32, 'the first answers to be posting');

    bot.signals.emit('SIGTERM');
    await waitFor(() => bot.stdout.entries.find((e) => String(e['msg']).startsWith('Shutting down')), 'shutdown to start');
    expect(bot.stdout.entries.find((e) => String(e['msg']).startsWith('Shutting down'))).toMatchObject({ answering: 32 });
    post.open();
    expect(await bot.exit).toBe(0);
    expect(api.callsTo('chat.postMessage')).toHaveLength(32);

    // The next start, on the same store, answers the 8 left: none lost, none twice.
    const next = await startHttpBot(cleanups, { FAQBOT_DB: db });
    await waitFor(() => next.api.callsTo('chat.postMessage').length >= 8, 'the rest to be answered after the restart');
    await settle();
    const all = [...api.callsTo('chat.postMessage'), ...next.api.callsTo('chat.postMessage')].map((c) => c.params['channel']);
    expect(all.sort()).toEqual([...channels].sort());
  });

  it('a second signal stops waiting for answers in flight', async () => {
    const post = gate();
    const { api, port, bot } = await startHttpBot(cleanups, {}, async (call) => {
      if (call.method === 'chat.postMessage') await post.wait;
      return undefined;
    });
    cleanups.push(() => post.open());
    await signedPost(port, mentionEvent('CSTUCK', 'Who founded OpenStack?'));
    await waitFor(() => api.callsTo('chat.postMessage').length > 0, 'the answer to be posting');
    bot.signals.emit('SIGTERM');
    bot.signals.emit('SIGTERM');
    expect(await bot.exit).toBe(0);
    expect(bot.stdout.entries).toContainEqual(expect.objectContaining({ msg: 'Stopped before every answer was sent; unanswered questions stay in the store for the next start', abandoned: 1 }));
  });

  it('removes its signal listeners once stopped, so the process can exit on the next signal', async () => {
    const { bot } = await startHttpBot(cleanups);
    expect(bot.signals.listenerCount('SIGTERM')).toBe(1);
    expect(bot.signals.listenerCount('SIGHUP')).toBe(1);
    bot.signals.emit('SIGTERM');
    expect(await bot.exit).toBe(0);
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) expect(bot.signals.listenerCount(signal)).toBe(0);
  });
});
