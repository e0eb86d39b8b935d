import { describe, expect, it } from 'vitest';
import { useCleanups } from '../helpers/cleanups.ts';
import { settle, waitFor } from '../helpers/wait-for.ts';
import type { FakeSlackApi } from '../slack-stand-in/fake-slack-api.ts';
import { mentionEvent, signedPost, startHttpBot } from './helpers/run-serve.ts';

const cleanups = useCleanups();

const posts = (channel: string) => (api: FakeSlackApi) => api.callsTo('chat.postMessage', { channel });

describe('Slack API faults: 429 rate limits', () => {
  const QUESTION = 'Who founded OpenStack?';

  it('a 30 s Retry-After in one channel holds up only that channel: another is answered meanwhile', async () => {
    const { api, port, bot } = await startHttpBot(cleanups, {}, (call) =>
      call.method === 'chat.postMessage' && call.params['channel'] === 'CLIMITED' ? { status: 429, headers: { 'retry-after': '30' } } : undefined,
    );
    await signedPost(port, mentionEvent('CLIMITED', QUESTION));
    await waitFor(() => posts('CLIMITED')(api).length === 1, 'the rate-limited post');
    // Time for the 429 to reach the bot: web-api left to itself would now pause every call on the
    // token for the whole 30 s.
    await settle(200);
    await signedPost(port, mentionEvent('COTHER', QUESTION));
    // Answered inside the 30 s the limited channel waits, however slow the machine: not held up.
    await waitFor(() => posts('COTHER')(api).length === 1, 'the other channel’s answer', 15_000);
    expect(posts('CLIMITED')(api)).toHaveLength(1);
    // Handed back to the store, due after the Retry-After: no worker waits 30 s holding it.
    expect(bot.stdout.entries.find((e) => String(e['msg']).startsWith('Answer postponed: rate limited'))).toMatchObject({ level: 'info', retryInMs: 30_000, channel: 'CLIMITED' });
    bot.signals.emit('SIGTERM');
    expect(await bot.exit).toBe(0);
    expect(bot.stdout.text).not.toContain('Stopped before every answer was sent');
  });

  it('a 2 s Retry-After: that answer is posted once, after the wait, while another channel’s goes ahead', async () => {
    const seen = new Map<string, number[]>();
    const { api, port, bot } = await startHttpBot(cleanups, {}, (call) => {
      if (call.method !== 'chat.postMessage') return undefined;
      const channel = call.params['channel'] ?? '';
      const times = seen.get(channel) ?? [];
      times.push(Date.now());
      seen.set(channel, times);
      return channel === 'CLIMITED' && times.length === 1 ? { status: 429, headers: { 'retry-after': '2' } } : undefined;
    });
    await signedPost(port, mentionEvent('CLIMITED', QUESTION));
    await waitFor(() => posts('CLIMITED')(api).length === 1, 'the rate-limited post');
    await signedPost(port, mentionEvent('COTHER', QUESTION));
    await waitFor(() => posts('COTHER')(api).length === 1, 'the other channel’s answer');

    await waitFor(() => posts('CLIMITED')(api).length === 2, 'the rate-limited answer after its wait', 10_000);
    // The other channel went ahead: answered before the limited one's retry, not after it.
    expect(seen.get('COTHER')?.[0]).toBeLessThan(seen.get('CLIMITED')?.[1] ?? 0);
    const [first = 0, second = 0] = seen.get('CLIMITED') ?? [];
    expect(second - first).toBeGreaterThanOrEqual(1_990);
    await settle(500);
    // Once: the retry succeeded, and nothing else was sent there or logged as a problem.
    expect(posts('CLIMITED')(api)).toHaveLength(2);
    expect(posts('CLIMITED')(api)[1]?.params['thread_ts']).toBe(posts('CLIMITED')(api)[0]?.params['thread_ts']);
    expect(bot.stdout.entries.filter((e) => e['level'] === 'error' || e['level'] === 'warn')).toEqual([]);
  });
});
