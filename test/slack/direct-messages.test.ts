import { describe, expect, it } from 'vitest';
import { blockText, expectAnswerShown } from '../helpers/blocks.ts';
import { answeredQuestion } from '../helpers/engine-probes.ts';
import { SIGNING_SECRET, useHttpTestApp } from '../helpers/http-test-app.ts';
import { BOT_ID, BOT_USER, eventEnvelope, mentionEvent, messageEvent, nextTs } from '../helpers/slack-payloads.ts';
import { postJson } from '../helpers/signed-requests.ts';

const t = useHttpTestApp();

/** Runs one event through the app and waits for every listener to finish (Bolt's processEvent). */
async function process(event: Record<string, unknown>): Promise<void> {
  await t.app.processEvent({ body: eventEnvelope(event), ack: async () => undefined });
}

describe('a direct message', () => {
  it('is a question, answered in the DM itself (not in a thread), with the quotes', async () => {
    const { question, answer } = answeredQuestion(t.engine);
    const event = messageEvent({ text: question, channel: 'D0ALICE' });
    const res = await postJson(t.url, SIGNING_SECRET, eventEnvelope(event));
    expect(res.status).toBe(200);

    const [post] = await t.api.waitForCalls('chat.postMessage');
    expect(post?.params.channel).toBe('D0ALICE');
    expect(post?.params.thread_ts).toBeUndefined();
    expectAnswerShown(post?.params.blocks, answer);
  });

  it('asked in a thread of the DM is answered in that thread', async () => {
    const { question } = answeredQuestion(t.engine);
    const parent = nextTs();
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(messageEvent({ text: question, thread_ts: parent })));
    const [post] = await t.api.waitForCalls('chat.postMessage');
    expect(post?.params.thread_ts).toBe(parent);
  });

  it('without channel_type, in a D… channel, is still taken as a DM', async () => {
    const event = messageEvent({ text: answeredQuestion(t.engine).question, channel: 'D0BOB' });
    delete event.channel_type;
    await process(event);
    expect(t.api.calls('chat.postMessage')[0]?.params.channel).toBe('D0BOB');
  });

  it('with a file attached still counts as a question', async () => {
    const { question } = answeredQuestion(t.engine);
    await process(messageEvent({ text: question, subtype: 'file_share', user: 'U0ALICE' }));
    expect(t.api.calls('chat.postMessage')).toHaveLength(1);
  });
});

describe('what is ignored', () => {
  const ignored: Array<[string, () => Record<string, unknown>]> = [
    ['an edit (message_changed)', () => messageEvent({ subtype: 'message_changed', extra: { message: { type: 'message', user: 'U0ALICE', text: 'Who founded OpenStack?', ts: nextTs() } } })],
    ['a deletion (message_deleted)', () => messageEvent({ subtype: 'message_deleted', extra: { deleted_ts: nextTs() } })],
    ['a bot_message', () => messageEvent({ subtype: 'bot_message', bot_id: 'B0OTHER', text: 'Who founded OpenStack?' })],
    ['a channel_join', () => messageEvent({ subtype: 'channel_join', user: 'U0ALICE', text: '<@U0ALICE> has joined the channel' })],
    ["another bot's plain message (bot_id, no subtype)", () => messageEvent({ bot_id: 'B0OTHER', user: 'U0OTHERBOT', text: 'Who founded OpenStack?' })],
    ["the bot's own message", () => messageEvent({ bot_id: BOT_ID, user: BOT_USER, text: 'Who founded OpenStack?' })],
    ['a channel message that does not mention the bot', () => messageEvent({ channel: 'C0GENERAL', channel_type: 'channel', text: 'Who founded OpenStack?' })],
    ["another bot's mention of faqbot", () => mentionEvent({ text: `<@${BOT_USER}> Who founded OpenStack?`, bot_id: 'B0OTHER' })],
    ['an edited mention (subtype message_changed)', () => mentionEvent({ text: `<@${BOT_USER}> Who founded OpenStack?`, subtype: 'message_changed' })],
    ['a message without channel_type in a channel that is not a DM', () => {
      const { channel_type: _dropped, ...event } = messageEvent({ channel: 'C0GENERAL', text: 'Who founded OpenStack?' });
      return event;
    }],
  ];

  it.each(ignored)('%s gets no reply', async (_name, build) => {
    await process(build());
    expect(t.api.apiCalls).toEqual([]);
  });

  it('(control) the same path does answer a human DM, so the checks above are not vacuous', async () => {
    await process(messageEvent({ text: answeredQuestion(t.engine).question }));
    expect(t.api.calls('chat.postMessage')).toHaveLength(1);
  });
});
