/**
 * One answer per click across replicas: two Bolt apps (two replicas) on one PostgreSQL schema and
 * one Slack, the same chooser (or "Share in channel") clicked once on each, at the same time.
 * Each replica's memory sees one click only; the store has to see both.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.ts';
import { PostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { blockText, buttons, escaped, expectAnswerShown } from '../helpers/blocks.ts';
import { useCleanups } from '../helpers/cleanups.ts';
import { findQuestion } from '../helpers/engine-probes.ts';
import { SIGNING_SECRET, startHttpTestApp, type HttpTestApp } from '../helpers/http-test-app.ts';
import { seedsEngine } from '../helpers/seeds-engine.ts';
import { BOT_USER, blockAction, eventEnvelope, mentionEvent, nextTs, slashCommand } from '../helpers/slack-payloads.ts';
import { postForm, postJson, postPayload } from '../helpers/signed-requests.ts';
import { SlackApiStub } from '../slack-stand-in/slack-api-stub.ts';
import { settle, waitFor } from '../helpers/wait-for.ts';
import { noticePostgresSkipped, TEST_DATABASE_URL, usePostgresSchema } from '../store/store-backends.ts';

noticePostgresSkipped();

describe.skipIf(!TEST_DATABASE_URL)('two replicas on one PostgreSQL schema, one chooser clicked on each', () => {
  const pg = usePostgresSchema();
  const cleanups = useCleanups();
  let engine: Engine;
  let a: HttpTestApp;
  let b: HttpTestApp;

  beforeAll(async () => {
    engine = await seedsEngine();
  });

  /** Replicas A and B, each with its own store connection to the shared schema, both talking to one Slack. */
  async function replicas(): Promise<void> {
    const stores = [0, 1].map(() => new PostgresStore({ connectionString: TEST_DATABASE_URL ?? '', schema: pg.schema, maxConnections: 2 }));
    cleanups.push(() => Promise.all(stores.map((s) => s.close())).then(() => undefined));
    const api = new SlackApiStub();
    a = await startHttpTestApp({ getEngine: () => engine, api, seenKeys: stores[0] });
    b = await startHttpTestApp({ getEngine: () => engine, api, seenKeys: stores[1] });
    cleanups.push(async () => {
      await a.stop();
      await b.stop();
    });
  }

  function ambiguous() {
    const found = findQuestion(engine, 'ambiguous');
    if (!found) throw new Error('no probe question is ambiguous for this engine: add one to test/helpers/engine-probes.ts');
    return found;
  }

  let channels = 0;
  /**
   * Mentions the bot on replica A; resolves with the chooser it posted and the ts Slack gave it.
   * A channel per test: the stand-in Slack numbers ts from 1 again, and the schema outlives a test.
   */
  async function chooserInChannel(question: string) {
    channels += 1;
    const channel = `C0CHAN${channels}`;
    await postJson(a.url, SIGNING_SECRET, eventEnvelope(mentionEvent({ text: `<@${BOT_USER}> ${question}`, channel, thread_ts: nextTs() })));
    const [reply] = await a.api.waitForCalls('chat.postMessage');
    const index = a.api.apiCalls.indexOf(reply!);
    const messageTs = `1800000000.${String(index + 1).padStart(6, '0')}`;
    const choices = buttons(reply?.params.blocks).filter((x) => x.blockId === 'faq_choices');
    const click = (choice: { actionId: string; value: string }, user?: string) =>
      blockAction({ actionId: choice.actionId, value: choice.value, responseUrl: a.api.responseUrl(`r${nextTs()}`), channel, messageTs, threadTs: String(reply?.params.thread_ts), blocks: reply?.params.blocks as unknown[], ...(user ? { user } : {}) });
    return { choices, channel, messageTs, click };
  }

  it('a chooser in a channel clicked on both replicas at once is answered once (one chat.update)', async () => {
    await replicas();
    const { question, answer } = ambiguous();
    const { choices, channel, messageTs, click } = await chooserInChannel(question);
    const [first, second] = choices;
    await Promise.all([postPayload(a.url, SIGNING_SECRET, click(first!)), postPayload(b.url, SIGNING_SECRET, click(second ?? first!, 'U0BOB'))]);
    const [update] = await a.api.waitForCalls('chat.update');
    await settle();
    expect(a.api.calls('chat.update')).toHaveLength(1);
    expect(update?.params).toMatchObject({ channel, ts: messageTs });
    // Whichever click won, the chooser now shows that one answer.
    const shown = [first, second ?? first].map((c) => engine.answerEntry(answer.suggestions[choices.indexOf(c!)]!.entryId, question)!);
    expect(shown.filter((s) => blockText(update?.params.blocks).includes(escaped(s.answer ?? "?")))).not.toHaveLength(0);
    expect(a.api.calls('chat.postMessage')).toHaveLength(1);
    expect(a.api.responseUrlCalls).toEqual([]);
  });

  it('a failed chat.update on one replica leaves the chooser clickable on the other', async () => {
    await replicas();
    const { question, answer } = ambiguous();
    const { choices, click } = await chooserInChannel(question);
    a.api.failNext('chat.update', 503, 'unavailable');
    await postPayload(a.url, SIGNING_SECRET, click(choices[0]!));
    await waitFor(() => a.logger.find('error', /failed/).length > 0, 'the failed update to reach the error handler');
    await postPayload(b.url, SIGNING_SECRET, click(choices[0]!));
    const updates = await a.api.waitForCalls('chat.update', 2);
    expectAnswerShown(updates[1]?.params.blocks, engine.answerEntry(answer.suggestions[0]!.entryId, question));
  });

  it('a private /faq chooser clicked on both replicas is replaced once (one response_url post)', async () => {
    await replicas();
    const { question } = ambiguous();
    await postForm(a.url, SIGNING_SECRET, slashCommand({ text: question, responseUrl: a.api.responseUrl('cmd') }));
    const [reply] = await a.api.waitForResponses('cmd');
    const [first] = buttons(reply?.body.blocks).filter((x) => x.blockId === 'faq_choices');
    const messageTs = nextTs();
    const click = () => blockAction({ actionId: first!.actionId, value: first!.value, responseUrl: a.api.responseUrl('chosen'), ephemeral: true, messageTs });
    await Promise.all([postPayload(a.url, SIGNING_SECRET, click()), postPayload(b.url, SIGNING_SECRET, click())]);
    await a.api.waitForResponses('chosen');
    await settle();
    expect(a.api.responseUrlCalls.filter((c) => c.id === 'chosen')).toHaveLength(1);
  });

  it('"Share in channel" clicked on both replicas posts the answer once', async () => {
    await replicas();
    await postForm(a.url, SIGNING_SECRET, slashCommand({ text: 'What is Hyper-V?', responseUrl: a.api.responseUrl('cmd2') }));
    const [reply] = await a.api.waitForResponses('cmd2');
    const share = buttons(reply?.body.blocks).find((x) => x.label === 'Share in channel');
    expect(share).toBeDefined();
    const messageTs = nextTs();
    const click = () => blockAction({ actionId: share!.actionId, value: share!.value, responseUrl: a.api.responseUrl('shared'), channel: 'C0GENERAL', ephemeral: true, messageTs });
    await Promise.all([postPayload(a.url, SIGNING_SECRET, click()), postPayload(b.url, SIGNING_SECRET, click())]);
    await a.api.waitForCalls('chat.postMessage');
    await settle();
    expect(a.api.calls('chat.postMessage')).toHaveLength(1);
    // The private copy is removed once, by the replica that shared it.
    expect(a.api.responseUrlCalls.filter((c) => c.id === 'shared').map((c) => c.body)).toEqual([{ delete_original: true }]);
  });
});

describe('a store that does not answer when a chooser is clicked', () => {
  const cleanups = useCleanups();

  it('costs the cross-replica check, not the answer: the chooser is replaced, and a warning logged', async () => {
    const engine = await seedsEngine();
    const down = new Error('connection refused');
    const app = await startHttpTestApp({ getEngine: () => engine, seenKeys: { firstSight: () => Promise.reject(down), forgetSight: () => Promise.reject(down) } });
    cleanups.push(() => app.stop());
    const found = findQuestion(engine, 'ambiguous');
    if (!found) throw new Error('no probe question is ambiguous for this engine: add one to test/helpers/engine-probes.ts');
    await postJson(app.url, SIGNING_SECRET, eventEnvelope(mentionEvent({ text: `<@${BOT_USER}> ${found.question}`, channel: 'C0DOWN', thread_ts: nextTs() })));
    const [reply] = await app.api.waitForCalls('chat.postMessage');
    const [first] = buttons(reply?.params.blocks).filter((x) => x.blockId === 'faq_choices');
    await postPayload(app.url, SIGNING_SECRET, blockAction({ actionId: first!.actionId, value: first!.value, responseUrl: app.api.responseUrl('down'), channel: 'C0DOWN', messageTs: '1800000000.000001', blocks: reply?.params.blocks as unknown[] }));
    const [update] = await app.api.waitForCalls('chat.update');
    expectAnswerShown(update?.params.blocks, engine.answerEntry(found.answer.suggestions[0]!.entryId, found.question));
    expect(app.logger.find('warn', /store did not answer/)).toHaveLength(1);
  });
});
