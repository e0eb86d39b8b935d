import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeAnswerRef } from '../../src/slack/blocks/action-values.ts';
import { blockText, buttons, expectAnswerShown, nativeFeedback } from '../helpers/blocks.ts';
import { answeredQuestion, findQuestion } from '../helpers/engine-probes.ts';
import { SIGNING_SECRET, useHttpTestApp } from '../helpers/http-test-app.ts';
import { BOT_USER, blockAction, eventEnvelope, mentionEvent, messageEvent, nextTs, slashCommand } from '../helpers/slack-payloads.ts';
import { postForm, postJson, postPayload } from '../helpers/signed-requests.ts';
import { settle, waitFor } from '../helpers/wait-for.ts';

const t = useHttpTestApp();

function ambiguous() {
  const found = findQuestion(t.engine, 'ambiguous');
  if (!found) throw new Error('no probe question is ambiguous for this engine: add one to test/helpers/engine-probes.ts');
  return found;
}

/** Mentions the bot with `question` in a thread of C0GENERAL and returns the bot's posted reply. */
async function mentionAndReply(question: string, threadParent = nextTs()) {
  const before = t.api.calls('chat.postMessage').length;
  await postJson(t.url, SIGNING_SECRET, eventEnvelope(mentionEvent({ text: `<@${BOT_USER}> ${question}`, channel: 'C0GENERAL', thread_ts: threadParent })));
  const posts = await t.api.waitForCalls('chat.postMessage', before + 1);
  return posts[posts.length - 1];
}

/** Clicks `button` on the bot's message `reply` (posted with chat.postMessage) as Slack sends the click. */
async function click(button: { actionId: string; value: string }, reply: { params: Record<string, unknown> } | undefined, responseUrl: string, extra: { user?: string } = {}) {
  const channel = String(reply?.params.channel);
  const threadTs = reply?.params.thread_ts === undefined ? undefined : String(reply.params.thread_ts);
  // The stub answered that chat.postMessage with a ts; Slack sends it back as the clicked message's ts.
  const messageTs = postedTs(reply);
  return postPayload(
    t.url,
    SIGNING_SECRET,
    blockAction({ actionId: button.actionId, value: button.value, responseUrl, channel, messageTs, ...(threadTs ? { threadTs } : {}), blocks: reply?.params.blocks as unknown[], ...extra }),
  );
}

/** The ts Slack gave a message the bot posted (the stub numbers them in order). */
function postedTs(reply: { params: Record<string, unknown> } | undefined): string {
  const index = t.api.apiCalls.findIndex((c) => c.params === reply?.params);
  return `1800000000.${String(index + 1).padStart(6, '0')}`;
}

describe('"Did you mean…"', () => {
  it('offers the close entries as buttons; a click turns the chooser into that answer, in place', async () => {
    const { question, answer } = ambiguous();
    const parent = nextTs();
    const reply = await mentionAndReply(question, parent);
    const choices = buttons(reply?.params.blocks).filter((b) => b.blockId === 'faq_choices');
    expect(choices.map((b) => b.label)).toEqual(answer.suggestions.map((s) => s.question));
    expect(blockText(reply?.params.blocks)).toMatch(/Did you mean/);

    const choice = answer.suggestions[1] ?? answer.suggestions[0];
    const button = choices[answer.suggestions.indexOf(choice!)];
    await click(button!, reply, t.api.responseUrl('dym1'));
    const [update] = await t.api.waitForCalls('chat.update');
    expect(update?.params).toMatchObject({ channel: 'C0GENERAL', ts: postedTs(reply) });
    expectAnswerShown(update?.params.blocks, t.engine.answerEntry(choice!.entryId, question));
    // Native feedback buttons under a new block_id, as Slack asks of an updated message.
    const [before] = nativeFeedback(reply?.params.blocks);
    const [after] = nativeFeedback(update?.params.blocks);
    expect(before?.blockId).toBeDefined();
    expect(after?.blockId).toBeDefined();
    expect(after?.blockId).not.toBe(before?.blockId);
    // The choices are gone, and no second message was posted.
    expect(buttons(update?.params.blocks).filter((b) => b.blockId === 'faq_choices')).toEqual([]);
    expect(t.api.calls('chat.postMessage')).toHaveLength(1);
  });

  it('a second click on the same chooser (any button, anyone) posts and changes nothing', async () => {
    const { question } = ambiguous();
    const reply = await mentionAndReply(question);
    const [first, second] = buttons(reply?.params.blocks).filter((b) => b.blockId === 'faq_choices');
    await click(first!, reply, t.api.responseUrl('dym4'));
    await t.api.waitForCalls('chat.update');
    await click(first!, reply, t.api.responseUrl('dym5'));
    await click(second ?? first!, reply, t.api.responseUrl('dym6'), { user: 'U0BOB' });
    await settle();
    expect(t.api.calls('chat.update')).toHaveLength(1);
    expect(t.api.calls('chat.postMessage')).toHaveLength(1);
    expect(t.api.responseUrlCalls).toEqual([]);
  });

  it('in a DM replaces the chooser in the DM', async () => {
    const { question, answer } = ambiguous();
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(messageEvent({ text: question, channel: 'D0ALICE' })));
    const [reply] = await t.api.waitForCalls('chat.postMessage');
    const [first] = buttons(reply?.params.blocks).filter((b) => b.blockId === 'faq_choices');
    await click(first!, reply, t.api.responseUrl('dym2'));
    const [update] = await t.api.waitForCalls('chat.update');
    expect(update?.params).toMatchObject({ channel: 'D0ALICE', ts: postedTs(reply) });
    const expected = t.engine.answerEntry(answer.suggestions[0]!.entryId, question);
    expectAnswerShown(update?.params.blocks, expected);
    await click(first!, reply, t.api.responseUrl('dym2b'));
    await settle();
    expect(t.api.calls('chat.update')).toHaveLength(1);
    expect(t.api.calls('chat.postMessage')).toHaveLength(1);
  });

  it('from a private /faq answer replaces it privately through the response_url, once', async () => {
    const { question, answer } = ambiguous();
    await postForm(t.url, SIGNING_SECRET, slashCommand({ text: question, responseUrl: t.api.responseUrl('cmd') }));
    const [reply] = await t.api.waitForResponses('cmd');
    const [first] = buttons(reply?.body.blocks).filter((b) => b.blockId === 'faq_choices');
    const messageTs = nextTs();
    await postPayload(t.url, SIGNING_SECRET, blockAction({ actionId: first!.actionId, value: first!.value, responseUrl: t.api.responseUrl('dym3'), ephemeral: true, messageTs }));
    const [chosen] = await t.api.waitForResponses('dym3');
    expect(chosen?.body.response_type).toBe('ephemeral');
    expect(chosen?.body.replace_original).toBe(true);
    const expected = t.engine.answerEntry(answer.suggestions[0]!.entryId, question);
    expectAnswerShown(chosen?.body.blocks, expected);
    expect(t.api.calls('chat.postMessage')).toEqual([]);
    // The same private chooser clicked again: nothing more.
    await postPayload(t.url, SIGNING_SECRET, blockAction({ actionId: first!.actionId, value: first!.value, responseUrl: t.api.responseUrl('dym3'), ephemeral: true, messageTs }));
    await settle();
    expect(t.api.responseUrlCalls.filter((c) => c.id === 'dym3')).toHaveLength(1);
  });

  it('a failed update leaves the chooser clickable: the next click answers', async () => {
    const { question } = ambiguous();
    const reply = await mentionAndReply(question);
    const [first] = buttons(reply?.params.blocks).filter((b) => b.blockId === 'faq_choices');
    t.api.failNext('chat.update', 503, 'unavailable');
    await click(first!, reply, t.api.responseUrl('dym7'));
    await waitFor(() => t.logger.find('error', /failed/).length > 0, 'the failed update to reach the error handler');
    await click(first!, reply, t.api.responseUrl('dym8'));
    await t.api.waitForCalls('chat.update', 2);
  });
});

describe('an "unknown" reply', () => {
  it('says so plainly and offers three example questions; a click replaces the reply with that answer', async () => {
    const unknown = findQuestion(t.engine, 'unknown');
    expect(unknown).not.toBeNull();
    const reply = await mentionAndReply(unknown!.question);
    expect(blockText(reply?.params.blocks)).toMatch(/don't know/);
    const examples = buttons(reply?.params.blocks).filter((b) => b.blockId === 'faq_choices');
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.length).toBeLessThanOrEqual(3);

    await click(examples[0]!, reply, t.api.responseUrl('ex'));
    const [update] = await t.api.waitForCalls('chat.update');
    expect(update?.params.ts).toBe(postedTs(reply));
    expectAnswerShown(update?.params.blocks, t.engine.answerEntry(String(decodeAnswerRef(examples[0]!.value)?.entryId), examples[0]!.label));
    expect(t.api.calls('chat.postMessage')).toHaveLength(1);
  });
});

describe('feedback', () => {
  it('Helpful on a channel answer: kept per user and changeable, told to the voter alone; the buttons stay for everyone; one line logged', async () => {
    const { question, answer } = answeredQuestion(t.engine);
    const reply = await mentionAndReply(question);
    const [feedback] = nativeFeedback(reply?.params.blocks);
    expect(feedback?.blockId).toMatch(/^faq_feedback_[0-9a-f]{12}$/);
    // Slack sends the native element's action_id with the value of the side that was clicked.
    const messageTs = nextTs();
    const vote = (value: string, user: string) =>
      postPayload(
        t.url,
        SIGNING_SECRET,
        blockAction({ actionId: feedback!.actionId, value, responseUrl: t.api.responseUrl(`fb-${user}`), channel: 'C0GENERAL', messageTs, threadTs: String(reply?.params.thread_ts), blocks: reply?.params.blocks as unknown[], user }),
      );

    await vote(feedback!.positive.value, 'U0BOB');
    const [receipt] = await t.api.waitForCalls('chat.postEphemeral');
    expect(receipt?.params).toMatchObject({ channel: 'C0GENERAL', user: 'U0BOB', thread_ts: String(reply?.params.thread_ts) });
    expect(String(receipt?.params.text)).toMatch(/you marked this answer as helpful/);
    // Nobody else's view changes: the answer is not edited, nothing is posted publicly.
    expect(t.api.calls('chat.update')).toEqual([]);
    expect(t.api.calls('chat.postMessage')).toHaveLength(1);

    await vote(feedback!.negative.value, 'U0BOB');
    await vote(feedback!.negative.value, 'U0BOB');
    await vote(feedback!.positive.value, 'U0CAROL');
    const receipts = await t.api.waitForCalls('chat.postEphemeral', 4);
    expect(receipts.map((r) => [r.params.user, r.params.text])).toEqual([
      ['U0BOB', expect.stringMatching(/as helpful/)],
      ['U0BOB', 'Vote changed: you now mark this answer as not helpful.'],
      ['U0BOB', 'You had already marked this answer as not helpful.'],
      ['U0CAROL', expect.stringMatching(/^Thanks for the feedback: you marked this answer as helpful/)],
    ]);
    expect(t.api.calls('chat.update')).toEqual([]);

    const lines = t.logger.lines.filter((l) => l.fields.event === 'faq_feedback');
    expect(lines[0]?.fields).toMatchObject({ verdict: 'helpful', question, entryId: answer.entryId, user: 'U0BOB', channel: 'C0GENERAL' });
  });

  it('Not helpful on a private /faq answer replaces it through the response_url', async () => {
    const { question } = answeredQuestion(t.engine);
    await postForm(t.url, SIGNING_SECRET, slashCommand({ text: question, responseUrl: t.api.responseUrl('cmd') }));
    const [reply] = await t.api.waitForResponses('cmd');
    const notHelpful = buttons(reply?.body.blocks).find((b) => b.label === 'Not helpful');
    await postPayload(t.url, SIGNING_SECRET, blockAction({ actionId: notHelpful!.actionId, value: notHelpful!.value, responseUrl: t.api.responseUrl('fb2'), ephemeral: true }));
    const [replaced] = await t.api.waitForResponses('fb2');
    expect(replaced?.body.replace_original).toBe(true);
    expect(blockText(replaced?.body.blocks)).toMatch(/marked as not helpful/);
    expect(buttons(replaced?.body.blocks).map((b) => b.label)).toEqual(['Share in channel']);
    expect(t.logger.lines.filter((l) => l.fields.event === 'faq_feedback').map((l) => l.fields.verdict)).toEqual(['not_helpful']);
    expect(t.api.calls('chat.update')).toEqual([]);
  });
});

describe('native feedback buttons', () => {
  it('Not helpful (the negative side) is recorded as not helpful', async () => {
    const { question } = answeredQuestion(t.engine);
    const reply = await mentionAndReply(question);
    const [feedback] = nativeFeedback(reply?.params.blocks);
    await click({ actionId: feedback!.actionId, value: feedback!.negative.value }, reply, t.api.responseUrl('fb4'));
    const [receipt] = await t.api.waitForCalls('chat.postEphemeral');
    expect(String(receipt?.params.text)).toMatch(/marked this answer as not helpful/);
    expect(t.logger.lines.filter((l) => l.fields.event === 'faq_feedback').map((l) => l.fields.verdict)).toEqual(['not_helpful']);
  });

  it('a private /faq answer keeps the plain buttons (ephemeral messages)', async () => {
    const { question } = answeredQuestion(t.engine);
    await postForm(t.url, SIGNING_SECRET, slashCommand({ text: question, responseUrl: t.api.responseUrl('cmd5') }));
    const [reply] = await t.api.waitForResponses('cmd5');
    expect(nativeFeedback(reply?.body.blocks)).toEqual([]);
    expect(buttons(reply?.body.blocks).map((b) => b.label)).toEqual(['Share in channel', 'Helpful', 'Not helpful']);
  });
});

describe('the feedback line with the JSON logger faqbot runs with', () => {
  it('is exactly one JSON line carrying question, entry, verdict and user', async () => {
    const { createJsonLogger } = await import('../../src/json-logger.ts');
    const { createApp } = await import('../../src/slack/create-app.ts');
    const { testConfig } = await import('../helpers/http-test-app.ts');
    const stream = new PassThrough();
    const chunks: string[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c.toString()));
    const app = createApp({
      config: testConfig({ slackApiUrl: t.api.apiUrl }),
      getEngine: () => t.engine,
      logger: createJsonLogger({ stream, level: 'info' }),
      botId: 'B0BOT',
      botUserId: BOT_USER,
      retryConfig: { retries: 0 },
    });
    const { answer, question } = answeredQuestion(t.engine);
    const value = JSON.stringify({ e: answer.entryId, q: question });
    await app.processEvent({ body: blockAction({ actionId: 'faq_feedback_helpful', value, responseUrl: t.api.responseUrl('fb3'), blocks: [] }), ack: async () => undefined });
    const feedback = chunks.join('').split('\n').filter((l) => l.includes('faq_feedback'));
    expect(feedback).toHaveLength(1);
    expect(JSON.parse(feedback[0]!)).toMatchObject({ level: 'info', event: 'faq_feedback', verdict: 'helpful', question, entryId: answer.entryId, user: 'U0ALICE' });
  });
});
