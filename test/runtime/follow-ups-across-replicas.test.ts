import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/load-engine.ts';
import type { Engine } from '../../src/engine.ts';
import { blockText, quotedMrkdwn } from '../helpers/blocks.ts';
import { useCleanups } from '../helpers/cleanups.ts';
import { nowSeconds } from '../slack-stand-in/slack-signing.ts';
import { tempDbFile } from '../helpers/temp-db.ts';
import { openStore } from '../../src/store/open-store.ts';
import { settle, waitFor } from '../helpers/wait-for.ts';
import { noticePostgresSkipped, TEST_DATABASE_URL, usePostgresSchema } from '../store/store-backends.ts';
import { FakeSlackApi, type ApiCall } from '../slack-stand-in/fake-slack-api.ts';
import { BOT_TOKEN, mentionEvent, runServe, SIGNING_SECRET, signedPost } from './helpers/run-serve.ts';

/**
 * Follow-ups in the bot's threads need no mention, on whichever replica Slack delivers them to
 * and after a restart: which threads are the bot's, and what was asked there, comes from the
 * store. Each bot here is the whole runtime (a real Bolt app behind the HTTP receiver), sent
 * signed requests, posting to a stand-in Slack.
 */
const cleanups = useCleanups();
const FIRST = 'What is the interoperability pledge?';
const FOLLOW_UP = 'and when was that?';

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine('seeds');
});

let counter = 0;
/** A person's reply in a channel thread, without a mention, as message.channels delivers it. */
function threadReply(channel: string, threadTs: string, text: string): string {
  counter += 1;
  const ts = `1700000100.${String(counter).padStart(6, '0')}`;
  return JSON.stringify({
    token: 'legacy-verification-token', team_id: 'T1', api_app_id: 'A1', type: 'event_callback',
    event_id: `EvReply${Date.now()}${counter}`, event_time: nowSeconds(),
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
    event: { type: 'message', channel_type: 'channel', user: 'U0BOB', text, ts, thread_ts: threadTs, channel, event_ts: ts },
  });
}

/** One bot process-in-process on `store`, posting to `api`; stopped (SIGTERM) after the test. */
async function startBot(api: FakeSlackApi, store: NodeJS.ProcessEnv, replicaId: string): Promise<{ port: number; stop: () => Promise<void> }> {
  const bot = runServe({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url, FAQBOT_REPLICA_ID: replicaId, ...store });
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    bot.signals.emit('SIGTERM');
    expect(await bot.exit).toBe(0);
  };
  cleanups.push(stop);
  const { port } = await bot.ready;
  if (port === undefined) throw new Error('no port');
  return { port, stop };
}

async function sharedApi(): Promise<FakeSlackApi> {
  const api = await new FakeSlackApi().start();
  cleanups.push(() => api.stop());
  return api;
}

const postsIn = (api: FakeSlackApi, channel: string): ApiCall[] => api.callsTo('chat.postMessage', { channel });

/** The follow-up's answer is the one read in the thread's context, not the question alone. */
function expectAnsweredInContext(post: ApiCall | undefined, threadTs: string, followUp = FOLLOW_UP): void {
  expect(post?.params).toMatchObject({ thread_ts: threadTs });
  const inContext = engine.ask(followUp, { context: FIRST });
  expect(inContext.status).toBe('answered');
  const text = blockText(JSON.parse(post?.params['blocks'] ?? '[]'));
  for (const c of inContext.citations) expect(text).toContain(quotedMrkdwn(c.quote));
  expect(inContext.citations.length).toBeGreaterThan(0);
  // On its own the follow-up is not answered: the quote shows the thread's question was used.
  expect(engine.ask(followUp).status).not.toBe('answered');
  // Native feedback buttons, as on every posted answer.
  expect(post?.params['blocks']).toContain('"feedback_buttons"');
}

/** @faqbot FIRST in `channel` via `port`; resolves the thread's ts once the answer is posted. */
async function askInChannel(api: FakeSlackApi, port: number, channel: string): Promise<string> {
  const ts = `1700000000.${String(++counter).padStart(6, '0')}`;
  expect((await signedPost(port, mentionEvent(channel, FIRST, ts))).status).toBe(200);
  await waitFor(() => postsIn(api, channel).length === 1, 'the answer to the mention');
  expect(postsIn(api, channel)[0]?.params['thread_ts']).toBe(ts);
  return ts;
}

/** Resolves once the store has the answer in `threadTs` recorded, as every replica then sees it. */
async function answerRecorded(storeEnv: NodeJS.ProcessEnv, channel: string, threadTs: string): Promise<void> {
  const store = await openStore(storeEnv['DATABASE_URL'] ? { kind: 'postgres', url: storeEnv['DATABASE_URL'] } : { kind: 'sqlite', file: storeEnv['FAQBOT_DB'] ?? '' });
  try {
    const deadline = Date.now() + 15_000;
    while ((await store.threadQuestion(channel, threadTs)) === null) {
      if (Date.now() > deadline) throw new Error('timed out waiting for the answer to be recorded');
      await settle(10);
    }
  } finally {
    await store.close();
  }
}

async function followUpsAcrossRestart(storeEnv: NodeJS.ProcessEnv, replicas: 1 | 2): Promise<void> {
  const api = await sharedApi();
  const a = await startBot(api, storeEnv, 'replica-a');
  const b = replicas === 2 ? await startBot(api, storeEnv, 'replica-b') : a;
  const threadTs = await askInChannel(api, a.port, 'CFOLLOW');
  // Slack shows the answer a moment before the bot has recorded it; the thread is the bot's from then.
  await answerRecorded(storeEnv, 'CFOLLOW', threadTs);

  expect((await signedPost(b.port, threadReply('CFOLLOW', threadTs, FOLLOW_UP))).status).toBe(200);
  await waitFor(() => postsIn(api, 'CFOLLOW').length === 2, 'the follow-up answered in the thread');
  expectAnsweredInContext(postsIn(api, 'CFOLLOW')[1], threadTs);

  // Not a question: no reply. A reply in a thread the bot never answered in: no reply either.
  await signedPost(b.port, threadReply('CFOLLOW', threadTs, 'thanks!'));
  await signedPost(b.port, threadReply('CFOLLOW', '1700000000.999999', FOLLOW_UP));
  await settle(300);
  expect(postsIn(api, 'CFOLLOW')).toHaveLength(2);

  // Every bot restarted: the thread is still the bot's, with the same first question.
  await a.stop();
  await b.stop();
  const c = await startBot(api, storeEnv, 'replica-c');
  await signedPost(c.port, threadReply('CFOLLOW', threadTs, FOLLOW_UP));
  await waitFor(() => postsIn(api, 'CFOLLOW').length === 3, 'the follow-up after the restart');
  expectAnsweredInContext(postsIn(api, 'CFOLLOW')[2], threadTs);
}

describe('follow-ups in the bot thread, from the store', () => {
  it('SQLite: answered in context without a mention, "thanks!" is not; still known after a restart', async () => {
    await followUpsAcrossRestart({ FAQBOT_DB: tempDbFile() }, 1);
  }, 30_000);

  describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL, two replicas', () => {
    const pg = usePostgresSchema();

    it('a thread answered by replica A takes follow-ups delivered to replica B, and after both restart', async () => {
      await followUpsAcrossRestart({ DATABASE_URL: pg.databaseUrl() }, 2);
    }, 30_000);
  });
  noticePostgresSkipped();
});
