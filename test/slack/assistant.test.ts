import { describe, expect, it } from 'vitest';
import { blockText, nativeFeedback, quotedMrkdwn } from '../helpers/blocks.ts';
import { answeredQuestion } from '../helpers/engine-probes.ts';
import { SIGNING_SECRET, useHttpTestApp } from '../helpers/http-test-app.ts';
import { BOT_ID, BOT_USER, USER, eventEnvelope, messageEvent, nextTs } from '../helpers/slack-payloads.ts';
import { postJson } from '../helpers/signed-requests.ts';

const t = useHttpTestApp();

/** `assistant_thread_started`: someone opened faqbot's assistant panel (from #general). */
function threadStarted(threadTs: string): Record<string, unknown> {
  return {
    type: 'assistant_thread_started',
    assistant_thread: { user_id: USER, context: { channel_id: 'C0GENERAL', team_id: 'T0TEAM', enterprise_id: null }, channel_id: 'D0ALICE', thread_ts: threadTs },
    event_ts: nextTs(),
  };
}

describe('the assistant panel', () => {
  it('opening it greets, sets a title, and offers the FAQ example questions as suggested prompts', async () => {
    const threadTs = nextTs();
    const res = await postJson(t.url, SIGNING_SECRET, eventEnvelope(threadStarted(threadTs)));
    expect(res.status).toBe(200);
    const [prompts] = await t.api.waitForCalls('assistant.threads.setSuggestedPrompts');
    expect(prompts?.params).toMatchObject({ channel_id: 'D0ALICE', thread_ts: threadTs, title: 'Try asking' });
    const offered = (prompts?.params.prompts as Array<{ title: string; message: string }>).map((p) => p.message);
    expect(offered).toEqual(t.engine.examples.slice(0, 4));
    expect(offered.length).toBeGreaterThan(0);
    const [title] = t.api.calls('assistant.threads.setTitle');
    expect(title?.params).toMatchObject({ channel_id: 'D0ALICE', thread_ts: threadTs });
    const [greeting] = t.api.calls('chat.postMessage');
    expect(greeting?.params).toMatchObject({ channel: 'D0ALICE', thread_ts: threadTs });
  });

  it('moving to another channel with the panel open (context changed) touches nothing: answers do not depend on it', async () => {
    const event = { ...threadStarted(nextTs()), type: 'assistant_thread_context_changed' };
    const res = await postJson(t.url, SIGNING_SECRET, eventEnvelope(event));
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 150));
    // Bolt's default would read the thread's history and edit faqbot's first message to store it.
    expect(t.api.apiCalls).toEqual([]);
  });

  it('a message in the assistant thread: status while answering, then the same Block Kit answer in that thread', async () => {
    const { question, answer } = answeredQuestion(t.engine);
    const threadTs = nextTs();
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(messageEvent({ text: question, channel: 'D0ALICE', channel_type: 'im', thread_ts: threadTs })));
    const [post] = await t.api.waitForCalls('chat.postMessage');
    expect(post?.params).toMatchObject({ channel: 'D0ALICE', thread_ts: threadTs });
    for (const c of answer.citations) expect(blockText(post?.params.blocks)).toContain(quotedMrkdwn(c.quote));
    // Native feedback buttons in the assistant thread.
    expect(nativeFeedback(post?.params.blocks)).toHaveLength(1);

    // The status was set before the answer was posted, in the same thread.
    const methods = t.api.apiCalls.map((c) => c.method);
    expect(methods.indexOf('assistant.threads.setStatus')).toBeGreaterThanOrEqual(0);
    expect(methods.indexOf('assistant.threads.setStatus')).toBeLessThan(methods.indexOf('chat.postMessage'));
    expect(t.api.calls('assistant.threads.setStatus')[0]?.params).toMatchObject({ channel_id: 'D0ALICE', thread_ts: threadTs, status: 'is looking through the articles…' });
    // The thread is titled with its first question.
    expect(t.api.calls('assistant.threads.setTitle')[0]?.params.title).toBe(question);
  });

  it('a failed status call does not cost the answer', async () => {
    const { question } = answeredQuestion(t.engine);
    t.api.failNext('assistant.threads.setStatus', 200, { ok: false, error: 'missing_scope' });
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(messageEvent({ text: question, channel: 'D0ALICE', thread_ts: nextTs() })));
    await t.api.waitForCalls('chat.postMessage');
  });

  it("ignores faqbot's own and other bots' messages in the thread", async () => {
    const threadTs = nextTs();
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(messageEvent({ text: 'What is OpenStack?', bot_id: 'B0OTHER', user: 'U0OTHERBOT', thread_ts: threadTs })));
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(messageEvent({ text: 'What is OpenStack?', bot_id: BOT_ID, user: BOT_USER, thread_ts: threadTs })));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(t.api.apiCalls).toEqual([]);
  });
});
