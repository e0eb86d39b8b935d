import { describe, expect, it } from 'vitest';
import { blockText, buttons, quotedMrkdwn } from '../helpers/blocks.ts';
import { answeredQuestion } from '../helpers/engine-probes.ts';
import { SIGNING_SECRET, useHttpTestApp } from '../helpers/http-test-app.ts';
import { TEAM, USER, nextTs } from '../helpers/slack-payloads.ts';
import { postPayload } from '../helpers/signed-requests.ts';

const t = useHttpTestApp();

/** A `message_action` payload: "Ask faqbot" chosen from a message's ⋯ menu. */
function messageShortcut(text: string, responseUrl: string): Record<string, unknown> {
  const ts = nextTs();
  return {
    type: 'message_action',
    callback_id: 'faq_ask_about_message',
    trigger_id: 'trig1',
    message_ts: ts,
    response_url: responseUrl,
    message: { type: 'message', user: 'U0BOB', ts, text },
    user: { id: USER, name: 'alice', team_id: TEAM },
    channel: { id: 'C0GENERAL', name: 'general' },
    team: { id: TEAM, domain: 'acme' },
    token: 'legacy-verification-token',
    action_ts: nextTs(),
  };
}

describe('"Ask faqbot" on a message', () => {
  it("answers that message's text privately, with quotes and Share in channel", async () => {
    const { question, answer } = answeredQuestion(t.engine);
    const res = await postPayload(t.url, SIGNING_SECRET, messageShortcut(question, t.api.responseUrl('sc1')));
    expect(res.status).toBe(200);
    const [reply] = await t.api.waitForResponses('sc1');
    expect(reply?.body.response_type).toBe('ephemeral');
    for (const c of answer.citations) expect(blockText(reply?.body.blocks)).toContain(quotedMrkdwn(c.quote));
    expect(buttons(reply?.body.blocks).map((b) => b.label)).toContain('Share in channel');
    // Nothing visible was posted.
    expect(t.api.calls('chat.postMessage')).toEqual([]);
  });

  it('reads the message as a person does (AT&amp;T is AT&T)', async () => {
    await postPayload(t.url, SIGNING_SECRET, messageShortcut('does AT&amp;T use hyper-v?', t.api.responseUrl('sc2')));
    const [reply] = await t.api.waitForResponses('sc2');
    expect(blockText(reply?.body.blocks)).toContain('You asked: *does AT&amp;T use hyper-v?*');
  });

  it('on a message without text says so, privately', async () => {
    await postPayload(t.url, SIGNING_SECRET, messageShortcut(':tada:', t.api.responseUrl('sc3')));
    const [reply] = await t.api.waitForResponses('sc3');
    expect(reply?.body.response_type).toBe('ephemeral');
    expect(blockText(reply?.body.blocks)).toMatch(/no text I can look up/);
  });
});
