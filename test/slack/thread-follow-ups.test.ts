import { beforeEach, describe, expect, it } from 'vitest';
import { seedsEngine } from '../helpers/seeds-engine.ts';
import type { Engine } from '../../src/engine.ts';

type AskOptions = Parameters<Engine['ask']>[1];
import { blockText, quotedMrkdwn } from '../helpers/blocks.ts';
import { SIGNING_SECRET, useHttpTestApp } from '../helpers/http-test-app.ts';
import { BOT_ID, BOT_USER, eventEnvelope, mentionEvent, messageEvent, nextTs } from '../helpers/slack-payloads.ts';
import { postJson } from '../helpers/signed-requests.ts';
import { settle } from '../helpers/wait-for.ts';

const FIRST = 'What did Microsoft pledge to competitors?';
const FOLLOW_UP = 'and when was that?';

/** Every (question, options) the listeners put to the engine. */
let asked: Array<{ question: string; options: AskOptions | undefined }>;
beforeEach(() => {
  asked = [];
});
const t = useHttpTestApp({
  serve: (engine) => ({ ...engine, ask: (question, options) => (asked.push({ question, options }), engine.ask(question, options)), answerEntry: (id, q) => engine.answerEntry(id, q) }),
});

/** @faqbot FIRST in #general, answered in a thread on the mention; returns that thread's ts. */
async function botThread(channel = 'C0GENERAL', channelType = 'channel'): Promise<string> {
  const ts = nextTs();
  await postJson(t.url, SIGNING_SECRET, eventEnvelope(mentionEvent({ text: `<@${BOT_USER}> ${FIRST}`, channel, ts })));
  // Slack also delivers the mention as a channel message (message.channels / message.groups).
  await postJson(t.url, SIGNING_SECRET, eventEnvelope(messageEvent({ text: `<@${BOT_USER}> ${FIRST}`, channel, channel_type: channelType, ts })));
  await t.api.waitForCalls('chat.postMessage');
  return ts;
}

function reply(text: string, threadTs: string, extra: { channel?: string; channel_type?: string; user?: string; bot_id?: string; subtype?: string } = {}) {
  return eventEnvelope(messageEvent({ text, channel: extra.channel ?? 'C0GENERAL', channel_type: extra.channel_type ?? 'channel', thread_ts: threadTs, ...extra }));
}

describe('a follow-up in a thread faqbot answered', () => {
  it('is answered in the thread without a mention, matched with the thread question as context', async () => {
    const threadTs = await botThread();
    await postJson(t.url, SIGNING_SECRET, reply(FOLLOW_UP, threadTs, { user: 'U0BOB' }));
    const posts = await t.api.waitForCalls('chat.postMessage', 2);
    expect(posts[1]?.params).toMatchObject({ channel: 'C0GENERAL', thread_ts: threadTs });
    expect(asked.at(-1)).toEqual({ question: FOLLOW_UP, options: { context: FIRST } });
    // The reply is what the engine answers the follow-up in that context.
    const expected = t.engine.ask(FOLLOW_UP, { context: FIRST });
    for (const c of expected.citations) expect(blockText(posts[1]?.params.blocks)).toContain(quotedMrkdwn(c.quote));
  });

  it('in a private channel (message.groups) too', async () => {
    const threadTs = await botThread('G0PRIVATE', 'group');
    await postJson(t.url, SIGNING_SECRET, reply('who said that?', threadTs, { channel: 'G0PRIVATE', channel_type: 'group' }));
    const posts = await t.api.waitForCalls('chat.postMessage', 2);
    expect(posts[1]?.params).toMatchObject({ channel: 'G0PRIVATE', thread_ts: threadTs });
  });

  it.each(['thanks!', 'ok', 'Thank you so much', ':+1:', '🙏', 'great, got it'])('"%s" is not a question and gets no reply', async (text) => {
    const threadTs = await botThread();
    await postJson(t.url, SIGNING_SECRET, reply(text, threadTs));
    await settle();
    expect(t.api.calls('chat.postMessage')).toHaveLength(1);
  });

  it('is answered once, however Slack delivers it (retries, duplicates)', async () => {
    const threadTs = await botThread();
    const envelope = reply(FOLLOW_UP, threadTs);
    await postJson(t.url, SIGNING_SECRET, envelope);
    await postJson(t.url, SIGNING_SECRET, envelope, { retryNum: 1 });
    await postJson(t.url, SIGNING_SECRET, { ...envelope, event_id: 'Ev0DUPLICATE' });
    await t.api.waitForCalls('chat.postMessage', 2);
    await settle();
    expect(t.api.calls('chat.postMessage')).toHaveLength(2);
  });

  it('a follow-up that mentions faqbot is answered once (by the mention), with the same context', async () => {
    const threadTs = await botThread();
    const ts = nextTs();
    const text = `<@${BOT_USER}> ${FOLLOW_UP}`;
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(mentionEvent({ text, ts, thread_ts: threadTs })));
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(messageEvent({ text, ts, thread_ts: threadTs, channel: 'C0GENERAL', channel_type: 'channel' })));
    await t.api.waitForCalls('chat.postMessage', 2);
    await settle();
    expect(t.api.calls('chat.postMessage')).toHaveLength(2);
    expect(asked.at(-1)).toEqual({ question: FOLLOW_UP, options: { context: FIRST } });
  });
});

describe('what is not a follow-up', () => {
  it('a question in a thread faqbot never answered', async () => {
    await postJson(t.url, SIGNING_SECRET, reply(FOLLOW_UP, nextTs()));
    await settle();
    expect(t.api.apiCalls).toEqual([]);
  });

  it('a top-level channel message', async () => {
    await botThread();
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(messageEvent({ text: 'Who founded OpenStack?', channel: 'C0GENERAL', channel_type: 'channel' })));
    await settle();
    expect(t.api.calls('chat.postMessage')).toHaveLength(1);
  });

  it.each([
    ["another bot's reply", { bot_id: 'B0OTHER', user: 'U0OTHERBOT' }],
    ["faqbot's own reply", { bot_id: BOT_ID, user: BOT_USER }],
    ['an edit', { subtype: 'message_changed' }],
    ['a bot_message', { subtype: 'bot_message', bot_id: 'B0OTHER' }],
  ])('%s in the thread', async (_name, extra) => {
    const threadTs = await botThread();
    await postJson(t.url, SIGNING_SECRET, reply(FOLLOW_UP, threadTs, extra));
    await settle();
    expect(t.api.calls('chat.postMessage')).toHaveLength(1);
  });
});

describe('the follow-up end to end', () => {
  it(`"${FOLLOW_UP}" after "${FIRST}" gets an answer, not "I don't know"`, async () => {
    const threadTs = await botThread();
    await postJson(t.url, SIGNING_SECRET, reply(FOLLOW_UP, threadTs));
    const posts = await t.api.waitForCalls('chat.postMessage', 2);
    expect(blockText(posts[1]?.params.blocks)).not.toMatch(/don't know/);
    expect(blockText(posts[1]?.params.blocks)).toMatch(/^>/m);
    // The pledge was made in February 2008: the follow-up is read with the thread's question.
    expect(blockText(posts[1]?.params.blocks)).toMatch(/2008/);
  });
});
