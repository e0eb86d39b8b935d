import { describe, expect, it } from 'vitest';
import { blockText, buttons, escaped, quotedMrkdwn, nativeFeedback, expectAnswerShown } from '../helpers/blocks.ts';
import { answeredQuestion } from '../helpers/engine-probes.ts';
import { SIGNING_SECRET, useHttpTestApp } from '../helpers/http-test-app.ts';
import { blockAction, slashCommand } from '../helpers/slack-payloads.ts';
import { postForm, postPayload } from '../helpers/signed-requests.ts';

const t = useHttpTestApp();

/** Runs `/faq <text>` and returns the private reply posted to its response_url. */
async function faq(text: string, id: string) {
  const res = await postForm(t.url, SIGNING_SECRET, slashCommand({ text, responseUrl: t.api.responseUrl(id) }));
  const [reply] = await t.api.waitForResponses(id);
  return { res, reply: reply?.body ?? {} };
}

describe('/faq <question>', () => {
  it('acks at once with an empty 200, then answers privately with quotes, a Share button and feedback', async () => {
    const { question, answer } = answeredQuestion(t.engine);
    const { res, reply } = await faq(question, 'cmd1');

    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(res.elapsedMs).toBeLessThan(3000);
    expect(reply.response_type).toBe('ephemeral');
    const text = blockText(reply.blocks);
    expect(text).toContain(escaped(question));
    for (const c of answer.citations) expect(text).toContain(quotedMrkdwn(c.quote));
    expect(buttons(reply.blocks).map((b) => b.label)).toEqual(['Share in channel', 'Helpful', 'Not helpful']);
    expect(typeof reply.text).toBe('string');
    // Private means private: nothing posted in the channel.
    expect(t.api.calls('chat.postMessage')).toEqual([]);
  });

  it('falls back to chat.postEphemeral when the response_url fails', async () => {
    const { question } = answeredQuestion(t.engine);
    t.api.failNext('respond/cmd2', 500, 'oops');
    await postForm(t.url, SIGNING_SECRET, slashCommand({ text: question, responseUrl: t.api.responseUrl('cmd2'), channel: 'C0GENERAL', user: 'U0BOB' }));
    const [eph] = await t.api.waitForCalls('chat.postEphemeral');
    expect(eph?.params.channel).toBe('C0GENERAL');
    expect(eph?.params.user).toBe('U0BOB');
    expect(blockText(eph?.params.blocks)).toContain(escaped(question));
  });
});

describe('/faq with nothing, and /faq help', () => {
  it.each([
    ['nothing', ''],
    ['blanks', '   '],
    ['help', 'help'],
    ['HELP', ' HELP '],
  ])('%s shows usage and example questions', async (_name, text) => {
    const { reply } = await faq(text, 'usage');
    expect(reply.response_type).toBe('ephemeral');
    const shown = blockText(reply.blocks);
    // `<question>` would be Slack markup: it must arrive escaped.
    expect(shown).toContain('/faq &lt;question&gt;');
    expect(shown).toMatch(/\/faq help/);
    for (const q of t.engine.examples.slice(0, 3)) expect(shown).toContain(escaped(q));
    expect(buttons(reply.blocks)).toEqual([]);
  });
});

describe('the Share in channel button', () => {
  it('posts the same answer visibly, headed "@person asked", and removes the private copy', async () => {
    const { question, answer } = answeredQuestion(t.engine);
    const { reply } = await faq(question, 'cmd3');
    const share = buttons(reply.blocks).find((b) => b.label === 'Share in channel');
    expect(share).toBeDefined();

    const click = blockAction({ actionId: share?.actionId ?? '', value: share?.value ?? '', responseUrl: t.api.responseUrl('click3'), channel: 'C0GENERAL', user: 'U0ALICE', ephemeral: true });
    const res = await postPayload(t.url, SIGNING_SECRET, click);
    expect(res.status).toBe(200);

    const [post] = await t.api.waitForCalls('chat.postMessage');
    expect(post?.params.channel).toBe('C0GENERAL');
    expect(post?.params.thread_ts).toBeUndefined();
    const text = blockText(post?.params.blocks);
    expect(text).toContain(`<@U0ALICE> asked: *${escaped(question)}*`);
    for (const c of answer.citations) expect(text).toContain(quotedMrkdwn(c.quote));
    // The shared copy has feedback buttons but no Share button of its own.
    expect(buttons(post?.params.blocks)).toEqual([]);
    expect(nativeFeedback(post?.params.blocks).map((f) => [f.positive.label, f.negative.label])).toEqual([['Helpful', 'Not helpful']]);

    const [done] = await t.api.waitForResponses('click3');
    expect(done?.body).toEqual({ delete_original: true });
  });

  it("shares through the response_url where the bot is not a member (not_in_channel)", async () => {
    const { question, answer } = answeredQuestion(t.engine);
    const { reply } = await faq(question, 'cmd4');
    const share = buttons(reply.blocks).find((b) => b.label === 'Share in channel');
    t.api.failNext('chat.postMessage', 200, { ok: false, error: 'not_in_channel' });

    await postPayload(t.url, SIGNING_SECRET, blockAction({ actionId: share?.actionId ?? '', value: share?.value ?? '', responseUrl: t.api.responseUrl('click4'), channel: 'C0PRIVATE', ephemeral: true }));
    const [visible, removed] = await t.api.waitForResponses('click4', 2);
    expect(visible?.body.response_type).toBe('in_channel');
    expect(visible?.body.replace_original).toBe(false);
    expectAnswerShown(visible?.body.blocks, answer);
    expect(removed?.body).toEqual({ delete_original: true });
    expect(t.logger.find('error', /failed/)).toEqual([]);
  });
});
