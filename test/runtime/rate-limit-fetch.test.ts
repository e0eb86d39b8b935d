import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../src/json-logger.ts';
import { createRateLimitFetch } from '../../src/runtime/rate-limit-fetch.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { Capture } from './helpers/capture.ts';
import { FakeSlackApi } from '../slack-stand-in/fake-slack-api.ts';

let api: FakeSlackApi;
afterEach(async () => api.stop());

/** A sleep the test releases by hand, so nothing depends on how long a wait really takes. */
function heldSleep(): { sleep: (ms: number) => Promise<void>; waits: number[]; release: () => void; started: Promise<void> } {
  const waits: number[] = [];
  let release = (): void => undefined;
  let onStart = (): void => undefined;
  const started = new Promise<void>((resolve) => (onStart = resolve));
  const held = new Promise<void>((resolve) => (release = resolve));
  return {
    waits,
    started,
    release: () => release(),
    sleep: (ms) => {
      waits.push(ms);
      onStart();
      return held;
    },
  };
}

describe('createRateLimitFetch', () => {
  it('makes only the rate-limited call wait: another channel’s post goes through meanwhile', async () => {
    api = await new FakeSlackApi((call) =>
      call.method === 'chat.postMessage' && call.params['channel'] === 'CLIMITED' && call.seq === 1
        ? { status: 429, headers: { 'retry-after': '60' } }
        : undefined,
    ).start();
    const held = heldSleep();
    const logs = new Capture();
    const client = new webApi.WebClient('xoxb-test', {
      slackApiUrl: api.url,
      retryConfig: { retries: 0 },
      fetch: createRateLimitFetch({ logger: createJsonLogger({ stream: logs }), sleep: held.sleep }),
    });

    const limited = client.chat.postMessage({ channel: 'CLIMITED', text: 'first' });
    await held.started;
    // With web-api's own handling the whole request queue would now be paused for 60 s.
    await client.chat.postMessage({ channel: 'COTHER', text: 'second' });
    expect(api.callsTo('chat.postMessage').map((c) => c.params['channel'])).toEqual(['CLIMITED', 'COTHER']);

    held.release();
    await expect(limited).resolves.toMatchObject({ ok: true });
    expect(held.waits).toEqual([60_000]);
    expect(api.callsTo('chat.postMessage', { channel: 'CLIMITED' })).toHaveLength(2);
    expect(logs.entries).toContainEqual(expect.objectContaining({ method: 'chat.postMessage', retryAfterSec: 60 }));
  });

  it('hands a 429 to web-api after maxWaits, and one without a usable Retry-After at once', async () => {
    api = await new FakeSlackApi((call) =>
      call.method === 'chat.postMessage'
        ? { status: 429, headers: call.params['channel'] === 'CBAD' ? { 'retry-after': 'soon' } : { 'retry-after': '1' } }
        : undefined,
    ).start();
    const waits: number[] = [];
    const client = new webApi.WebClient('xoxb-test', {
      slackApiUrl: api.url,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      fetch: createRateLimitFetch({ logger: createJsonLogger({ stream: new Capture() }), maxWaits: 2, sleep: async (ms) => void waits.push(ms) }),
    });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ code: webApi.ErrorCode.RateLimitedError });
    expect(api.callsTo('chat.postMessage', { channel: 'C1' })).toHaveLength(3);
    expect(waits).toEqual([1000, 1000]);
    await expect(client.chat.postMessage({ channel: 'CBAD', text: 'x' })).rejects.toThrow();
    expect(api.callsTo('chat.postMessage', { channel: 'CBAD' })).toHaveLength(1);
  });

  it('names a response_url by its host only when it waits on one: its path is a credential', async () => {
    const secretPath = '/commands/T1/1234567890/PathIsTheSecret0123';
    let calls = 0;
    const logs = new Capture();
    const rateLimited = createRateLimitFetch({
      logger: createJsonLogger({ stream: logs }),
      sleep: async () => undefined,
      fetch: async () => (calls++ === 0 ? new Response('', { status: 429, headers: { 'retry-after': '1' } }) : new Response('ok')),
    });
    const response = await rateLimited(`https://hooks.slack.test${secretPath}`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
    expect(logs.entries).toEqual([expect.objectContaining({ method: 'hooks.slack.test (not a Web API method)', retryAfterSec: 1 })]);
    expect(logs.text).not.toContain('PathIsTheSecret');
  });

  it('turns a connection that never answers into a retryable error', async () => {
    api = await new FakeSlackApi((call) => (call.seq === 1 ? 'hang' : undefined)).start();
    // Each attempt's time limit is a signal the test fires itself: no real 10 s (or 50 ms) passes.
    const limits: Array<{ ms: number; expire: () => void }> = [];
    const timeoutSignal = (ms: number): AbortSignal => {
      const controller = new AbortController();
      limits.push({ ms, expire: () => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')) });
      return controller.signal;
    };
    const client = new webApi.WebClient('xoxb-test', {
      slackApiUrl: api.url,
      retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 },
      logger: createJsonLogger({ stream: new Capture() }),
      fetch: createRateLimitFetch({ logger: createJsonLogger({ stream: new Capture() }), attemptTimeoutMs: 10_000, timeoutSignal }),
    });
    const posted = client.chat.postMessage({ channel: 'C1', text: 'x' });
    await waitFor(() => api.callsTo('chat.postMessage').length === 1, 'the first attempt to reach the stand-in');
    expect(limits.map((l) => l.ms)).toEqual([10_000]);
    limits[0]!.expire();
    await expect(posted).resolves.toMatchObject({ ok: true });
    expect(api.callsTo('chat.postMessage')).toHaveLength(2);
  });
});
