import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.ts';
import { loadEngine } from '../../src/load-engine.ts';
import type { QuestionPick } from '../../src/store/store.ts';
import { buttons } from '../helpers/blocks.ts';
import { findQuestion } from '../helpers/engine-probes.ts';
import { SIGNING_SECRET, startHttpTestApp, type HttpTestApp } from '../helpers/http-test-app.ts';
import { blockAction, eventEnvelope, messageEvent } from '../helpers/slack-payloads.ts';
import { postJson, postPayload } from '../helpers/signed-requests.ts';

const NOW = 1_800_000_000_000;

let engine: Engine;
let t: HttpTestApp;
let picks: QuestionPick[];
let failing: Error | undefined;

beforeAll(async () => {
  engine = await loadEngine('seeds');
});
beforeEach(async () => {
  picks = [];
  failing = undefined;
  const store = {
    recordPick: async (pick: QuestionPick) => {
      if (failing) throw failing;
      picks.push(pick);
    },
  };
  t = await startHttpTestApp({ getEngine: () => engine, curation: { picks: store, now: () => NOW } });
});
afterEach(async () => {
  await t.stop();
});

/** Asks `question` in `user`'s DM, then clicks the chooser's `index`th button as that user. */
async function askAndPick(user: string, question: string, index: number) {
  const channel = `D0${user}`;
  const before = t.api.calls('chat.postMessage').length;
  await postJson(t.url, SIGNING_SECRET, eventEnvelope(messageEvent({ text: question, channel, user })));
  const posts = await t.api.waitForCalls('chat.postMessage', before + 1);
  const reply = posts[posts.length - 1];
  const choice = buttons(reply?.params.blocks).filter((b) => b.blockId === 'faq_choices')[index];
  const updates = t.api.calls('chat.update').length;
  const messageTs = `1800000000.${String(t.api.apiCalls.indexOf(reply!) + 1).padStart(6, '0')}`;
  await postPayload(t.url, SIGNING_SECRET, blockAction({ actionId: choice!.actionId, value: choice!.value, responseUrl: t.api.responseUrl('r'), channel, messageTs, user, blocks: reply?.params.blocks as unknown[] }));
  await t.api.waitForCalls('chat.update', updates + 1);
}

describe('"Did you mean" picks are recorded for the curator', () => {
  it('who asked what and chose which entry, when; each person once', async () => {
    const found = findQuestion(engine, 'ambiguous');
    expect(found).not.toBeNull();
    const { question, answer } = found!;
    await askAndPick('U0ALICE', question, 1);
    await askAndPick('U0BOB', question, 1);
    const chosen = answer.suggestions[1]!.entryId;
    expect(picks).toEqual([
      { user: 'U0ALICE', question, entryId: chosen, at: NOW },
      { user: 'U0BOB', question, entryId: chosen, at: NOW },
    ]);
  });

  it('a store that fails costs the record, not the answer', async () => {
    const { question } = findQuestion(engine, 'ambiguous')!;
    failing = new Error('store down');
    await askAndPick('U0ALICE', question, 0);
    expect(picks).toEqual([]);
    expect(t.logger.find('warn', /recording a "Did you mean" pick failed/)).toHaveLength(1);
  });
});
