/**
 * The curator loop end to end (issue 10's "Done when"): two replicas of the real runtime (serve(),
 * HTTP mode) sharing one PostgreSQL schema and one stand-in Slack Web API (as replicas share one
 * Slack: the inbox is shared, so either replica may answer a question), driven only by signed
 * Slack requests. What the curator sees is read from the views the bot published or
 * opened; what the bot knows is read from its answers.
 */
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.ts';
import { loadEngine } from '../../src/load-engine.ts';
import { PostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { blockText, buttons } from '../helpers/blocks.ts';
import { useCleanups } from '../helpers/cleanups.ts';
import { findQuestion } from '../helpers/engine-probes.ts';
import { chose, typed, viewBlockAction, viewSubmission } from '../helpers/slack-payloads.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { viewProblems } from '../property/block-kit-rules.ts';
import { noticePostgresSkipped, TEST_DATABASE_URL, usePostgresSchema } from '../store/store-backends.ts';
import { FakeSlackApi, type ApiCall } from '../slack-stand-in/fake-slack-api.ts';
import { BOT_TOKEN, SIGNING_SECRET, runServe, signedPost } from './helpers/run-serve.ts';

const cleanups = useCleanups();
const CURATOR = 'U0CURATOR';

interface Replica {
  readonly api: FakeSlackApi;
  readonly port: number;
  /** One curation poll, now (the runtime's own timer is not started). */
  readonly poll: () => Promise<boolean>;
  /** SIGTERM, and the exit awaited: its share of the inbox is left to the other replica. */
  readonly stop: () => Promise<void>;
}

/** The Slack Web API stand-in every replica of a test talks to. */
async function sharedSlack(): Promise<FakeSlackApi> {
  const api = await new FakeSlackApi().start();
  cleanups.push(() => api.stop());
  return api;
}

interface View {
  readonly type: string;
  readonly callback_id?: string;
  readonly private_metadata?: string;
  readonly blocks: Array<{ type: string; block_id?: string; element?: { options?: Array<{ value: string }>; initial_option?: { value: string } } }>;
}

/** A second look at the replicas' store, to check what was (or was not) stored. */
async function storeOf(schema: string): Promise<PostgresStore> {
  const store = new PostgresStore({ connectionString: TEST_DATABASE_URL ?? '', schema, maxConnections: 2 });
  cleanups.push(() => store.close());
  return store;
}

/** One replica: the real runtime (serve(), HTTP mode) on the shared schema, with its own stand-in Slack. */
async function replica(url: string, id: string, api: FakeSlackApi): Promise<Replica> {
  let check: (() => Promise<boolean>) | undefined;
  const bot = runServe(
    { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url, DATABASE_URL: url, FAQBOT_REPLICA_ID: id, FAQBOT_CURATORS: CURATOR, LOG_LEVEL: 'warn' },
    { timers: { curationPoll: (poll) => ((check = poll), () => undefined) } },
  );
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      bot.signals.emit('SIGTERM');
      await bot.exit;
    })();
    return stopped;
  };
  cleanups.push(stop);
  const { port } = await bot.ready;
  if (port === undefined || !check) throw new Error('replica not ready');
  const poll = check;
  return { api, port, poll: () => poll(), stop };
}

let seq = 0;
/** A DM to the bot from `user`, as the Events API delivers it; resolves with the bot's reply. */
async function dm(r: Replica, user: string, text: string): Promise<ApiCall> {
  seq += 1;
  const channel = `D0${user}`;
  const ts = `1700000100.${String(seq).padStart(6, '0')}`;
  const before = r.api.callsTo('chat.postMessage', { channel }).length;
  const body = JSON.stringify({
    token: 'legacy', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: `EvCur${seq}`, event_time: 1700000100,
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
    event: { type: 'message', channel_type: 'im', channel, user, text, ts, event_ts: ts },
  });
  expect((await signedPost(r.port, body)).status).toBe(200);
  const posts = await waitFor(() => {
    const calls = r.api.callsTo('chat.postMessage', { channel });
    return calls.length > before ? calls : undefined;
  }, `the answer to "${text}" in ${channel}`, 45_000);
  return posts[posts.length - 1]!;
}

/** Posts an interactivity payload, signed; resolves with the HTTP response (a view_submission's ack is its body). */
async function interact(r: Replica, payload: unknown): Promise<{ status: number; body: string }> {
  const res = await signedPost(r.port, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), { contentType: 'application/x-www-form-urlencoded' });
  return { status: res.status, body: await res.text() };
}

/** The curator opens faqbot's Home tab; resolves with the view published for them. */
async function openHome(r: Replica, user = CURATOR): Promise<View> {
  const before = r.api.callsTo('views.publish').length;
  seq += 1;
  const body = JSON.stringify({
    token: 'legacy', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: `EvHome${seq}`, event_time: 1700000100,
    event: { type: 'app_home_opened', user, channel: `D0${user}`, tab: 'home', event_ts: `1700000200.${String(seq).padStart(6, '0')}` },
  });
  expect((await signedPost(r.port, body)).status).toBe(200);
  return publishedAfter(r, before);
}

async function publishedAfter(r: Replica, before: number): Promise<View> {
  const calls = await waitFor(() => {
    const c = r.api.callsTo('views.publish');
    return c.length > before ? c : undefined;
  }, 'views.publish');
  return JSON.parse(calls[calls.length - 1]!.params['view'] ?? '{}') as View;
}

/** Clicks an inbox button in App Home; resolves with the modal views.open was given (with that click's trigger_id). */
async function clickForModal(r: Replica, actionId: string, value: string, user = CURATOR): Promise<View> {
  const before = r.api.callsTo('views.open').length;
  const payload = viewBlockAction({ actionId, value, user });
  expect((await interact(r, payload)).status).toBe(200);
  const calls = await waitFor(() => {
    const c = r.api.callsTo('views.open');
    return c.length > before ? c : undefined;
  }, 'views.open');
  const open = calls[calls.length - 1]!;
  expect(open.params['trigger_id']).toBe(payload['trigger_id']);
  return JSON.parse(open.params['view'] ?? '{}') as View;
}

/** The inbox row showing `question` and its three buttons. */
function inboxRow(home: View, question: string): { text: string; phrasing: string } {
  const index = home.blocks.findIndex((b) => b.type === 'section' && blockText([b]).includes(`*“${question}”*`));
  expect(index, `the inbox shows “${question}”`).toBeGreaterThan(-1);
  const [phrasing] = buttons([home.blocks[index + 1]]).filter((b) => b.label === 'Add as a phrasing of…');
  return { text: blockText([home.blocks[index]]), phrasing: phrasing!.value };
}

noticePostgresSkipped();

describe.skipIf(!TEST_DATABASE_URL)('the curator loop, end to end: two replicas sharing PostgreSQL', () => {
  const pg = usePostgresSchema();

  it('a miss reaches the curator inbox; added as a phrasing, it is answered by that entry on the other replica, no restart; a forged submission changes nothing', async () => {
    const engine: Engine = await loadEngine('seeds');
    const store = await storeOf(pg.schema);
    const slack = await sharedSlack();
    const a = await replica(pg.databaseUrl(), 'replica-a', slack);
    const b = await replica(pg.databaseUrl(), 'replica-b', slack);
    const miss = 'where can I download hyper-v';
    expect(engine.ask(miss).status).toBe('unknown');
    const entry = engine.answerEntry('what-is-hyper-v', miss);
    expect(entry?.status).toBe('answered');

    // Alice asks replica A; the bot does not know.
    const first = await dm(a, 'U0ALICE', miss);
    expect(first.params['text']).toMatch(/don't know/);

    // The curator opens App Home on replica B: the miss is in the inbox.
    const home = await openHome(b);
    expect(viewProblems(home)).toEqual([]);
    const row = inboxRow(home, miss);
    expect(row.text).toContain("Not answered · asked once · the bot said it didn't know");

    // "Add as a phrasing of…" → the modal, with the entries to choose from.
    const modal = await clickForModal(b, 'faq_curate_phrasing', row.phrasing);
    expect(viewProblems(modal)).toEqual([]);
    const options = modal.blocks.find((bl) => bl.block_id === 'faq_cur_entry')?.element?.options?.map((o) => o.value) ?? [];
    expect(options).toContain('what-is-hyper-v');
    const values = { faq_cur_question: { question: typed(miss) }, faq_cur_entry: { entry: chose('what-is-hyper-v') } };

    // Mallory, not a curator, submits a copy of that modal: refused, nothing stored.
    const forged = await interact(a, viewSubmission({ callbackId: modal.callback_id!, privateMetadata: modal.private_metadata!, values, user: 'U0MALLORY', blocks: modal.blocks }));
    expect(JSON.parse(forged.body)).toMatchObject({ response_action: 'errors' });
    expect(await store.curations()).toEqual([]);
    expect((await dm(a, 'U0ALICE', miss)).params['text']).toMatch(/don't know/);

    // The curator submits it: the modal closes, the change is stored with who and when.
    const published = b.api.callsTo('views.publish').length;
    const submitted = await interact(b, viewSubmission({ callbackId: modal.callback_id!, privateMetadata: modal.private_metadata!, values, user: CURATOR, blocks: modal.blocks }));
    expect(submitted).toEqual({ status: 200, body: '' });
    const curations = await store.curations();
    expect(curations).toMatchObject([{ kind: 'phrasing', entryId: 'what-is-hyper-v', question: miss, by: CURATOR }]);
    expect(Math.abs((curations[0]?.at ?? 0) - Date.now())).toBeLessThan(60_000);
    // The curator's Home is refreshed: the suggestion is gone from the inbox.
    expect(blockText((await publishedAfter(b, published)).blocks)).not.toContain(`*“${miss}”*`);

    // B rebuilt at once on its own accept. From here only A answers (the inbox is shared: with B
    // running, either could claim the next question), to show A takes the change in by its poll.
    await b.stop();

    // Replica A, never restarted, still answers as before until its next poll brings the change in.
    expect((await dm(a, 'U0ALICE', miss)).params['text']).toMatch(/don't know/);
    expect(await a.poll()).toBe(true);
    const again = await dm(a, 'U0ALICE', miss);
    expect(again.params['text']).toContain(entry!.answer ?? '');
    // The record says the same: three misses, then that entry (the record follows the post).
    const outcomes = async () => (await store.questionsSince(0)).filter((q) => q.text === miss).map((q) => [q.status, q.entryId]);
    for (let i = 0; i < 100 && (await outcomes()).at(-1)?.[0] !== 'answered'; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await outcomes()).toEqual([
      ['unknown', null],
      ['unknown', null],
      ['unknown', null],
      ['answered', 'what-is-hyper-v'],
    ]);
  }, 60_000);
});

describe.skipIf(!TEST_DATABASE_URL)('"Did you mean" picks, end to end on PostgreSQL', () => {
  const pg = usePostgresSchema();

  it('a "Did you mean" pick by two different people becomes a `picked` suggestion for the chosen entry', async () => {
    const engine: Engine = await loadEngine('seeds');
    const found = findQuestion(engine, 'ambiguous');
    expect(found).not.toBeNull();
    const { question, answer } = found!;
    const chosen = answer.suggestions[0]!.entryId;
    const a = await replica(pg.databaseUrl(), 'replica-a', await sharedSlack());
    for (const user of ['U0BOB', 'U0CAROL']) {
      const reply = await dm(a, user, question);
      const choice = buttons(JSON.parse(reply.params['blocks'] ?? '[]')).find((bt) => bt.blockId === 'faq_choices');
      const ts = a.api.messages.get(`D0${user}`)?.at(-1)?.ts;
      const updates = a.api.callsTo('chat.update').length;
      await interact(a, {
        type: 'block_actions', team: { id: 'T1' }, user: { id: user }, api_app_id: 'A1', token: 'legacy', trigger_id: `trig-${user}`,
        container: { type: 'message', channel_id: `D0${user}`, message_ts: ts, is_ephemeral: false },
        channel: { id: `D0${user}` }, message: { type: 'message', ts, text: 'faqbot', blocks: [] }, response_url: `${a.api.url}respond/${user}`,
        actions: [{ type: 'button', action_id: choice!.actionId, block_id: 'faq_choices', value: choice!.value, action_ts: '1700000300.000001' }],
      });
      await waitFor(() => a.api.callsTo('chat.update').length > updates, `${user}'s chooser replaced by the answer`);
    }
    const home = await openHome(a);
    const row = inboxRow(home, question);
    expect(row.text).toContain('Picked from “Did you mean” · picked by 2 people');
    // Its modal has the picked entry chosen already.
    const modal = await clickForModal(a, 'faq_curate_phrasing', row.phrasing);
    expect(modal.blocks.find((bl) => bl.block_id === 'faq_cur_entry')?.element?.initial_option?.value).toBe(chosen);
  }, 60_000);
});
