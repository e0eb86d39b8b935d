import { beforeEach, describe, expect, it } from 'vitest';
import { blockText, buttons, nativeFeedback, escaped, quotedMrkdwn } from '../helpers/blocks.ts';
import { answeredQuestion } from '../helpers/engine-probes.ts';
import { SIGNING_SECRET, useHttpTestApp } from '../helpers/http-test-app.ts';
import { BOT_USER, eventEnvelope, mentionEvent, nextTs } from '../helpers/slack-payloads.ts';
import { postJson } from '../helpers/signed-requests.ts';

/** Every question the listeners put to the engine, to check what the mention was reduced to. */
let asked: string[];
beforeEach(() => {
  asked = [];
});
const t = useHttpTestApp({
  serve: (engine) => ({ ...engine, ask: (q) => (asked.push(q), engine.ask(q)), answerEntry: (id, q) => engine.answerEntry(id, q) }),
});

describe('a mention in a channel', () => {
  it('acks at once and answers in a thread on the mention, quoting the sources', async () => {
    const { question, answer } = answeredQuestion(t.engine);
    const event = mentionEvent({ text: `<@${BOT_USER}> ${question}`, channel: 'C0GENERAL' });

    const res = await postJson(t.url, SIGNING_SECRET, eventEnvelope(event));
    expect(res.status).toBe(200);

    const [post] = await t.api.waitForCalls('chat.postMessage');
    expect(post?.params.channel).toBe('C0GENERAL');
    expect(post?.params.thread_ts).toBe(event.ts);
    expect(post?.authorization).toBe('Bearer xoxb-test-token');
    expect(asked).toEqual([question]);
    const text = blockText(post?.params.blocks);
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const c of answer.citations) {
      expect(text).toContain(quotedMrkdwn(c.quote));
      expect(text).toContain(escaped(c.title));
      expect(text).toContain(`paragraph ${c.paragraph}`);
    }
    expect(typeof post?.params.text).toBe('string');
    expect(String(post?.params.text).length).toBeGreaterThan(0);
    // Slack's native feedback buttons (context_actions), not plain buttons, on a posted answer.
    expect(buttons(post?.params.blocks)).toEqual([]);
    expect(nativeFeedback(post?.params.blocks).map((f) => [f.positive.label, f.negative.label])).toEqual([['Helpful', 'Not helpful']]);
  });

  it('strips the mention wherever it is, including the labelled form', async () => {
    const { question } = answeredQuestion(t.engine);
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(mentionEvent({ text: `${question} <@${BOT_USER}|faqbot>` })));
    await t.api.waitForCalls('chat.postMessage');
    expect(asked).toEqual([question]);
  });

  it('answers an empty mention with a short how-to, without asking the engine', async () => {
    const event = mentionEvent({ text: `  <@${BOT_USER}>  ` });
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(event));
    const [post] = await t.api.waitForCalls('chat.postMessage');
    expect(post?.params.thread_ts).toBe(event.ts);
    expect(blockText(post?.params.blocks)).toMatch(/Ask me a question/);
    expect(blockText(post?.params.blocks)).toContain(escaped(t.engine.examples[0] ?? ''));
    expect(asked).toEqual([]);
  });
});

describe('a mention in a thread', () => {
  it("answers in the same thread (the thread's parent ts), not a new one", async () => {
    const { question } = answeredQuestion(t.engine);
    const parent = nextTs();
    const event = mentionEvent({ text: `<@${BOT_USER}> ${question}`, channel: 'C0RANDOM', thread_ts: parent });
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(event));
    const [post] = await t.api.waitForCalls('chat.postMessage');
    expect(post?.params.channel).toBe('C0RANDOM');
    expect(post?.params.thread_ts).toBe(parent);
  });
});

describe('what a mention shows back', () => {
  it('shows markup from the question as readable text in an "unknown" reply, never as live markup', async () => {
    const hostile = '<!channel> &amp; <@U999> <https://evil.example|click> &lt;@U998&gt; zqxv wplk frobnicate';
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(mentionEvent({ text: `<@${BOT_USER}> ${hostile}` })));
    const [post] = await t.api.waitForCalls('chat.postMessage');
    // Button values carry the question as data (never rendered); everything rendered is escaped.
    const rendered = `${blockText(post?.params.blocks)}\n${String(post?.params.text)}`;
    expect(rendered).toContain('@channel &amp; @someone click &lt;@U998&gt; zqxv');
    expect(rendered).not.toMatch(/<!channel>|<@U99[89]>|<https:/);
  });
});
