import { beforeEach, describe, expect, it } from 'vitest';
import { blockText, buttons, escaped } from '../helpers/blocks.ts';
import { ampersandQuestion, answeredQuestion, findQuestion } from '../helpers/engine-probes.ts';
import { SIGNING_SECRET, useHttpTestApp } from '../helpers/http-test-app.ts';
import { BOT_USER, eventEnvelope, mentionEvent, messageEvent, nextTs, slashCommand } from '../helpers/slack-payloads.ts';
import { postForm, postJson } from '../helpers/signed-requests.ts';

/** Every question the listeners put to the engine. */
let asked: string[];
beforeEach(() => {
  asked = [];
});
const t = useHttpTestApp({
  serve: (engine) => ({ ...engine, ask: (q) => (asked.push(q), engine.ask(q)), answerEntry: (id, q) => engine.answerEntry(id, q) }),
});

/** Mentions the bot with raw Slack text and returns the one reply. */
async function mention(text: string) {
  await postJson(t.url, SIGNING_SECRET, eventEnvelope(mentionEvent({ text: `<@${BOT_USER}> ${text}` })));
  const [post] = await t.api.waitForCalls('chat.postMessage');
  return post!;
}

/** Everything of a posted message a person could see or Slack could store: blocks, text, button values. */
function everything(params: Record<string, unknown>): string {
  return `${blockText(params.blocks)}\n${String(params.text)}\n${buttons(params.blocks).map((b) => b.value).join('\n')}`;
}

describe("Slack's &amp; &lt; &gt; on the way in", () => {
  it('are decoded once before matching: "AT&amp;T" from Slack is asked as "AT&T", like the command line', async () => {
    await mention('does AT&amp;T use hyper-v?');
    expect(asked).toEqual(['does AT&T use hyper-v?']);
  });

  it('"&amp;" is matched like "&": answered where the undecoded text would not be', async () => {
    const { question, answer } = ampersandQuestion(t.engine);
    const post = await mention(question.replace(/&/g, '&amp;'));
    expect(asked).toEqual([question]);
    expect(blockText(post.params.blocks)).toContain(escaped(answer.answer ?? ''));
  });

  it('are escaped exactly once on the way out: no "&amp;amp;" in an echoed question', async () => {
    const post = await mention('what is the R&amp;D budget &lt;2011&gt; zqxv?');
    expect(asked).toEqual(['what is the R&D budget <2011> zqxv?']);
    const shown = blockText(post.params.blocks);
    expect(shown).toContain('R&amp;D budget &lt;2011&gt;');
    expect(shown).not.toContain('&amp;amp;');
    expect(shown).not.toContain('&amp;lt;');
  });

  it('a typed "<!channel>" (sent as &lt;!channel&gt;) is shown as text, never as a broadcast', async () => {
    const post = await mention('&lt;!channel&gt; zqxv wplk frobnicate');
    // (Button values are data Slack never renders; they hold the question as typed.)
    expect(`${blockText(post.params.blocks)}\n${String(post.params.text)}`).not.toMatch(/<!channel>/);
    expect(blockText(post.params.blocks)).toContain('&lt;!channel&gt;');
  });
});

describe('mentions, channel links and URLs in an echoed question', () => {
  it('read as a person sees them: @name from users.info, #channel, the link label', async () => {
    t.api.failNext('users.info', 200, { ok: true, user: { id: 'U0CAROL', name: 'carol', real_name: 'Carol Danvers', profile: { display_name: 'Carol' } } });
    const post = await mention('ask <@U0CAROL> in <#C0RANDOM|random> about <https://evil.example/x?a=1&amp;b=2|the doc> zqxv wplk');
    expect(asked).toEqual(['ask @Carol in #random about the doc zqxv wplk']);
    const shown = blockText(post.params.blocks);
    expect(shown).toContain('ask @Carol in #random about the doc');
    expect(everything(post.params)).not.toMatch(/<@U0CAROL>|<#C0RANDOM|U0CAROL|<https:/);
    expect(t.api.calls('users.info')[0]?.params.user).toBe('U0CAROL');
  });

  it('an unknown user is "@someone", looked up once and then remembered', async () => {
    t.api.failNext('users.info', 200, { ok: false, error: 'user_not_found' });
    await mention('did <@U0GHOST> say zqxv?');
    expect(asked).toEqual(['did @someone say zqxv?']);
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(mentionEvent({ text: `<@${BOT_USER}> and <@U0GHOST> wplk?` })));
    await t.api.waitForCalls('chat.postMessage', 2);
    expect(asked[1]).toBe('and @someone wplk?');
    expect(t.api.calls('users.info')).toHaveLength(1);
  });
});

describe('a pasted secret', () => {
  const secrets = [
    'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx',
    'xoxp-1234567890-0987654321-1111-abcdef0123456789',
    'xapp-1-A0FAQBOT-1234567890-abcdef0123456789abcdef',
    'xoxe.xoxp-1-Mi0yLTEyMzQ1Njc4OTAtYWJjZGVm',
    '0123456789abcdef0123456789abcdef',
  ];

  it.each(secrets)('%s is never echoed, carried in a button, or logged', async (secret) => {
    const post = await mention(`why does ${secret} not work zqxv?`);
    expect(everything(post.params)).not.toContain(secret);
    expect(blockText(post.params.blocks)).toContain('[redacted]');
    expect(asked.join('\n')).not.toContain(secret);
    expect(t.logger.text).not.toContain(secret);
  });

  it('is redacted from a private /faq answer too', async () => {
    await postForm(t.url, SIGNING_SECRET, slashCommand({ text: `is ${secrets[0]} valid`, responseUrl: t.api.responseUrl('sec') }));
    const [reply] = await t.api.waitForResponses('sec');
    expect(everything(reply!.body)).not.toContain(secrets[0]);
    expect(blockText(reply!.body.blocks)).toContain('[redacted]');
  });
});

describe('a mention with nothing to ask', () => {
  it.each([':wave:', '👋', ':wave: :smile: !!', '   '])('"%s" gets the how-to, and the engine is not asked', async (text) => {
    const post = await mention(text);
    expect(blockText(post.params.blocks)).toMatch(/Ask me a question/);
    expect(blockText(post.params.blocks)).not.toMatch(/don't know/);
    expect(asked).toEqual([]);
  });

  it('(control) a DM with only an emoji gets the DM how-to', async () => {
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(messageEvent({ text: ':thumbsup:' })));
    const [post] = await t.api.waitForCalls('chat.postMessage');
    expect(blockText(post?.params.blocks)).toMatch(/Ask me a question/);
    expect(asked).toEqual([]);
  });
});

describe('a message that mentions faqbot twice', () => {
  it('is answered once, with both mentions taken out of the question', async () => {
    const { question } = answeredQuestion(t.engine);
    const ts = nextTs();
    const event = mentionEvent({ text: `<@${BOT_USER}> ${question} <@${BOT_USER}|faqbot>`, ts, channel: 'C0GENERAL' });
    // Slack sends it as app_mention and, subscribed to message.channels, as a message too.
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(event));
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(messageEvent({ text: String(event.text), ts, channel: 'C0GENERAL', channel_type: 'channel' })));
    await t.api.waitForCalls('chat.postMessage');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(t.api.calls('chat.postMessage')).toHaveLength(1);
    expect(asked).toEqual([question]);
  });
});

describe('the plain-text fallback of a "did you mean" reply', () => {
  it('reads as one sentence, ending in a single question mark', async () => {
    const found = findQuestion(t.engine, 'ambiguous');
    expect(found).not.toBeNull();
    const post = await mention(found!.question);
    const text = String(post.params.text);
    expect(text).toMatch(/^I'm not sure which you mean\. Did you mean “[^”?]+”(?:, “[^”?]+”)*(?: or “[^”?]+”)?\?$/);
    expect(text).not.toContain('??');
    for (const s of found!.answer.suggestions) expect(text).toContain(`“${s.question.replace(/\?$/, '')}”`);
  });
});
