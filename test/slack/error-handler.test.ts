import { MultipleListenerError, UnknownError, webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createErrorHandler } from '../../src/slack/error-handler.ts';
import { freePort } from '../slack-stand-in/free-port.ts';
import { FakeSlackApi } from '../slack-stand-in/fake-slack-api.ts';
import { TestLogger } from '../helpers/test-logger.ts';

let api: FakeSlackApi;
let logger: TestLogger;
let handle: ReturnType<typeof createErrorHandler>;

beforeEach(async () => {
  api = await new FakeSlackApi().start();
  logger = new TestLogger();
  // The client the apology would go through: every call it makes is recorded by the stand-in.
  const client = new webApi.WebClient('xoxb-test', { slackApiUrl: api.url, retryConfig: { retries: 0 }, logger });
  handle = createErrorHandler({ client, logger, apologyTimeoutMs: 200 });
});
afterEach(async () => api.stop());

/** The error web-api really throws when the network fails: `.original` is a bare `TypeError: fetch failed`. */
async function networkFailure(): Promise<Error> {
  const client = new webApi.WebClient('xoxb-test', { slackApiUrl: `http://127.0.0.1:${await freePort()}/api/`, retryConfig: { retries: 0 }, logger: new TestLogger() });
  const error = await client.chat.postMessage({ channel: 'C0NET', text: 'x' }).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  if (!error) throw new Error('expected the call to fail');
  expect(error).toMatchObject({ code: webApi.ErrorCode.RequestError, original: { name: 'TypeError', message: 'fetch failed' } });
  return error;
}

const mention = {
  type: 'event_callback',
  event_id: 'Ev0NET',
  event: { type: 'app_mention', channel: 'C0NET', ts: '1700000000.000100', user: 'U0ALICE', text: '<@U0BOT> hi' },
};
const command = (responseUrl: string) => ({ command: '/faq', text: 'hi', user_id: 'U0ALICE', channel_id: 'C0NET', response_url: responseUrl });
const responseUrl = (id: string): string => api.responseUrl(id);

describe('the error handler, when calling Slack is what failed', () => {
  it('a network failure is logged as one, with its cause, and no apology goes over the same network', async () => {
    await handle({ error: await networkFailure(), body: mention, context: { retryNum: 0 } });
    const [line, ...more] = logger.find('error', 'app_mention failed');
    expect(more).toEqual([]);
    expect(line?.fields).toMatchObject({ code: 'slack_webapi_request_error', kind: 'app_mention', channel: 'C0NET' });
    expect(line?.text).toContain('fetch failed: ECONNREFUSED');
    // Not mistaken for a bug: no stack trace, no apology attempt.
    expect(logger.lines.filter((l) => l.level === 'debug' && l.text.includes('at '))).toEqual([]);
    expect(api.calls).toEqual([]);
  });

  it('is found inside Bolt’s wrappers too (MultipleListenerError, UnknownError)', async () => {
    const failure = await networkFailure();
    await handle({ error: new MultipleListenerError([new Error('another listener'), failure]), body: mention });
    await handle({ error: new UnknownError(failure), body: mention });
    expect(logger.find('error', 'slack_webapi_request_error')).toHaveLength(2);
    expect(api.calls).toEqual([]);
  });

  it.each([
    ['HTTP 503', Object.assign(new Error('An HTTP protocol error occurred: statusCode = 503'), { code: webApi.ErrorCode.HTTPError, statusCode: 503 })],
    ['a 429', Object.assign(new Error('A rate-limit has been reached'), { code: webApi.ErrorCode.RateLimitedError, retryAfter: 30 })],
  ])('%s from the Web API: logged, no apology in the channel or through a response_url', async (_name, error) => {
    await handle({ error, body: mention });
    await handle({ error, body: command(responseUrl('cmd')) });
    expect(logger.find('error', String(error.code))).toHaveLength(2);
    expect(api.calls).toEqual([]);
  });

  it('a network failure during /faq: no apology through the response_url either', async () => {
    await handle({ error: await networkFailure(), body: command(responseUrl('cmd')) });
    expect(logger.find('error', '/faq failed: slack_webapi_request_error')).toHaveLength(1);
    expect(api.calls).toEqual([]);
  });

  it('a refusal (platform error) during /faq: Slack is reachable, so the person still hears privately', async () => {
    const refusal = Object.assign(new Error('An API error occurred: is_archived'), { code: webApi.ErrorCode.PlatformError, data: { ok: false, error: 'is_archived' } });
    await handle({ error: refusal, body: command(responseUrl('cmd')) });
    expect(api.calls.map((c) => c.method)).toEqual(['/respond/cmd']);
    // …but not in the channel that refused.
    await handle({ error: refusal, body: mention });
    expect(api.callsTo('chat.postMessage')).toEqual([]);
  });
});

describe('the error handler, for a bug in faqbot', () => {
  it('apologises in the thread', async () => {
    await handle({ error: new UnknownError(new Error('index corrupted')), body: mention });
    expect(api.callsTo('chat.postMessage', { channel: 'C0NET', thread_ts: '1700000000.000100' })).toHaveLength(1);
  });

  it('gives up on a response_url that never answers, and logs it', async () => {
    api.handler = (call) => (call.method.startsWith('/respond/') ? 'hang' : undefined);
    const started = Date.now();
    await handle({ error: new UnknownError(new Error('index corrupted')), body: command(responseUrl('slow')) });
    // The response_url never answers: returning at all means it gave up (after apologyTimeoutMs).
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(logger.find('warn', 'could not send an apology')).toHaveLength(1);
  });
});
