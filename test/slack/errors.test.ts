import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedsEngine } from '../helpers/seeds-engine.ts';
import type { Engine } from '../../src/engine.ts';
import { blockText } from '../helpers/blocks.ts';
import { answeredQuestion } from '../helpers/engine-probes.ts';
import { SIGNING_SECRET, startHttpTestApp, type HttpTestApp } from '../helpers/http-test-app.ts';
import { BOT_USER, blockAction, eventEnvelope, mentionEvent, messageEvent, nextTs, slashCommand } from '../helpers/slack-payloads.ts';
import { postForm, postJson, postPayload } from '../helpers/signed-requests.ts';
import { settle, waitFor } from '../helpers/wait-for.ts';

let engine: Engine;
let t: HttpTestApp;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};

beforeAll(async () => {
  engine = await seedsEngine();
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  await t.stop();
  await settle(50);
  expect(unhandled).toEqual([]);
});

/** An engine whose ask() fails like a bug would, with a message and stack nobody should see. */
const brokenEngine = (): Engine => ({
  ...engine,
  ask: () => {
    throw new Error('index corrupted at /srv/faqbot/secret-path.ts:42');
  },
});

describe('a failing chat.postMessage', () => {
  beforeEach(async () => {
    t = await startHttpTestApp({ getEngine: () => engine });
  });

  it.each([
    ['not_in_channel', 200, { ok: false, error: 'not_in_channel' }, 'not_in_channel'],
    ['channel_not_found', 200, { ok: false, error: 'channel_not_found' }, 'channel_not_found'],
    ['HTTP 500', 500, '<html>Internal Server Error</html>', 'HTTP 500'],
  ])('(%s) is logged with its context, is not fatal, and the next question is answered', async (_name, status, body, detail) => {
    const question = answeredQuestion(engine).question;
    t.api.failNext('chat.postMessage', status, body);
    const event = mentionEvent({ text: `<@${BOT_USER}> ${question}`, channel: 'C0NOPE' });
    const res = await postJson(t.url, SIGNING_SECRET, eventEnvelope(event));
    expect(res.status).toBe(200);

    const [line] = await waitFor(() => {
      const found = t.logger.find('error', 'app_mention failed');
      return found.length > 0 ? found : undefined;
    }, 'the error line');
    expect(line?.text).toContain(detail);
    expect(line?.fields).toMatchObject({ kind: 'app_mention', channel: 'C0NOPE', user: 'U0ALICE' });
    // No apology attempt into a channel that just refused the answer.
    expect(t.api.calls('chat.postMessage')).toHaveLength(1);

    await postJson(t.url, SIGNING_SECRET, eventEnvelope(mentionEvent({ text: `<@${BOT_USER}> ${question}`, channel: 'C0GENERAL' })));
    const posts = await t.api.waitForCalls('chat.postMessage', 2);
    expect(posts[1]?.params.channel).toBe('C0GENERAL');
  });
});

describe('a listener error where a person is waiting', () => {
  beforeEach(async () => {
    t = await startHttpTestApp({ getEngine: brokenEngine });
  });

  it('a mention gets a short apology in its thread: no error text, no stack', async () => {
    const event = mentionEvent({ text: `<@${BOT_USER}> anything at all` });
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(event));
    const [apology] = await t.api.waitForCalls('chat.postMessage');
    expect(apology?.params.thread_ts).toBe(event.ts);
    const shown = `${blockText(apology?.params.blocks)} ${String(apology?.params.text)}`;
    expect(shown).toMatch(/^Sorry, something went wrong/);
    expect(shown).not.toMatch(/corrupted|secret-path|\.ts:|Error/);
    expect(t.logger.find('error', 'app_mention failed')[0]?.text).toContain('index corrupted');
  });

  it('a DM gets the apology in the DM', async () => {
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(messageEvent({ text: 'anything', channel: 'D0BOB' })));
    const [apology] = await t.api.waitForCalls('chat.postMessage');
    expect(apology?.params.channel).toBe('D0BOB');
    expect(String(apology?.params.text)).not.toMatch(/corrupted/);
  });

  it('/faq gets the apology privately through its response_url', async () => {
    const res = await postForm(t.url, SIGNING_SECRET, slashCommand({ text: 'anything', responseUrl: t.api.responseUrl('oops') }));
    expect(res.status).toBe(200);
    const [apology] = await t.api.waitForResponses('oops');
    expect(apology?.body.response_type).toBe('ephemeral');
    expect(String(apology?.body.text)).toMatch(/^Sorry, something went wrong/);
    expect(JSON.stringify(apology?.body)).not.toMatch(/corrupted|secret-path/);
    expect(t.api.calls('chat.postMessage')).toEqual([]);
  });

  it('a button click gets the apology privately too', async () => {
    const value = JSON.stringify({ e: null, q: 'anything' });
    await postPayload(t.url, SIGNING_SECRET, blockAction({ actionId: 'faq_choose_0', value, responseUrl: t.api.responseUrl('btn'), threadTs: nextTs() }));
    const [apology] = await t.api.waitForResponses('btn');
    expect(apology?.body.replace_original).toBe(false);
    expect(String(apology?.body.text)).toMatch(/^Sorry/);
  });

  it('an apology that cannot be delivered is logged, not thrown', async () => {
    t.api.failNext('chat.postMessage', 200, { ok: false, error: 'is_archived' });
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(mentionEvent({ text: `<@${BOT_USER}> anything` })));
    await waitFor(() => t.logger.find('warn', 'could not send an apology').length === 1, 'the undelivered apology to be logged');
  });
});
