/**
 * Issue 11's text-in, text-out through the path a mention really takes in production: serve() in
 * HTTP mode, the durable inbox and the worker (not the listeners alone), logging JSON at debug.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { blockText, escaped } from '../helpers/blocks.ts';
import { useCleanups } from '../helpers/cleanups.ts';
import { ampersandQuestion } from '../helpers/engine-probes.ts';
import { seedsEngine } from '../helpers/seeds-engine.ts';
import { tempDbFile } from '../helpers/temp-db.ts';
import { settle, waitFor } from '../helpers/wait-for.ts';
import { mentionEvent, signedPost, startHttpBot } from './helpers/run-serve.ts';
import type { FakeSlackApi } from '../slack-stand-in/fake-slack-api.ts';

const cleanups = useCleanups();
const PASTED = 'xoxb-2222222222-3333333333-PastedByMistakeAbCdEfGh';

let engine: Engine;
beforeAll(async () => {
  engine = await seedsEngine();
});

/** The blocks and fallback text of every message the bot posted in `channel`, as one string. */
function posted(api: FakeSlackApi, channel: string): string[] {
  return api.callsTo('chat.postMessage', { channel }).map((c) => `${blockText(JSON.parse(c.params['blocks'] ?? '[]'))}\n${c.params['text'] ?? ''}\n${c.params['blocks'] ?? ''}`);
}

async function replyIn(api: FakeSlackApi, channel: string, count = 1): Promise<string[]> {
  return waitFor(() => (api.callsTo('chat.postMessage', { channel }).length >= count ? posted(api, channel) : undefined), `${count} repl(ies) in ${channel}`, 15_000);
}

describe('a mention through the durable inbox', () => {
  it('with a pasted xoxb- token: the token is in no reply, no log line (at debug) and not in the store', async () => {
    const db = tempDbFile();
    const { api, port, bot } = await startHttpBot(cleanups, { FAQBOT_DB: db, LOG_LEVEL: 'debug' });
    await signedPost(port, mentionEvent('CSECRET', `why does ${PASTED} zqxv not work?`));
    const [reply] = await replyIn(api, 'CSECRET');
    expect(reply).not.toContain(PASTED);
    expect(reply).toContain('[redacted]');
    await settle();
    expect(bot.stdout.text).not.toContain(PASTED);
    expect(bot.stdout.text).not.toContain('PastedByMistake');
    const store = new SqliteStore(db);
    cleanups.push(() => store.close());
    const rows = await store.questionsSince(0);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.text).not.toContain('PastedByMistake');
  });

  it('"&amp;" as Slack sends it is matched like "&": answered as the command line answers it', async () => {
    const { api, port } = await startHttpBot(cleanups);
    const { question, answer } = ampersandQuestion(engine);
    await signedPost(port, mentionEvent('CAMP', question.replace(/&/g, '&amp;')));
    const [reply] = await replyIn(api, 'CAMP');
    expect(reply).toContain(escaped(answer.answer ?? ''));
    expect(reply).not.toContain('&amp;amp;');
  });

  it('a message that mentions faqbot twice, delivered as app_mention and as message.channels, is answered once, both mentions out of the question', async () => {
    const { api, port } = await startHttpBot(cleanups);
    const ts = '1700000333.000001';
    // A question it does not know, so the reply shows the question back.
    const mention = JSON.parse(mentionEvent('CTWICE', 'zqxv wplk <@UBOT|faqbot> frobnicate?', ts)) as { event: Record<string, unknown>; event_id: string };
    const asMessage = { ...mention, event_id: `${mention.event_id}m`, event: { ...mention.event, type: 'message', channel_type: 'channel' } };
    await Promise.all([signedPost(port, JSON.stringify(mention)), signedPost(port, JSON.stringify(asMessage))]);
    const [reply] = await replyIn(api, 'CTWICE');
    await settle(300);
    expect(api.callsTo('chat.postMessage', { channel: 'CTWICE' })).toHaveLength(1);
    expect(reply).toContain('zqxv wplk frobnicate');
  });

  it('an emoji-only mention gets the how-to, not "I don\'t know the answer to 👋"', async () => {
    const { api, port } = await startHttpBot(cleanups);
    await signedPost(port, mentionEvent('CWAVE', ':wave:'));
    const [reply] = await replyIn(api, 'CWAVE');
    expect(reply).toMatch(/Ask me a question/);
    expect(reply).not.toMatch(/don't know/);
  });
});
