/**
 * "New entry…" against the real curation service (SQLite store, the seeds' engine): the passages
 * the modal offers are cited word for word, the service verifies them against the article, and
 * the engine rebuilt with the stored curations answers the new question with the new entry.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreCurationService } from '../../src/curate/store-curation-service.ts';
import type { Engine } from '../../src/engine.ts';
import { loadEngine } from '../../src/load-engine.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { blockText } from '../helpers/blocks.ts';
import { SIGNING_SECRET, startHttpTestApp, type HttpTestApp } from '../helpers/http-test-app.ts';
import { recordQuestion } from '../helpers/record-question.ts';
import { chose, typed, viewBlockAction, viewSubmission } from '../helpers/slack-payloads.ts';
import { postPayload } from '../helpers/signed-requests.ts';
import { tempDbFile } from '../helpers/temp-db.ts';
import { viewProblems } from '../property/block-kit-rules.ts';

const CURATOR = 'U0CURATOR';
const MISS = 'what help will microsoft give citrix';

let store: SqliteStore;
let engine: Engine;
let service: StoreCurationService;
let t: HttpTestApp;

beforeEach(async () => {
  store = new SqliteStore(tempDbFile());
  await store.migrate();
  engine = await loadEngine('seeds');
  service = new StoreCurationService({ store, getEngine: () => engine });
  await recordQuestion(store, MISS, { status: 'unknown', at: Date.now() - 1000 });
  t = await startHttpTestApp({ getEngine: () => engine, curators: [CURATOR], curation: { curation: service, picks: store } });
});
afterEach(async () => {
  await t.stop();
  await store.close();
});

interface Modal {
  callback_id: string;
  private_metadata: string;
  blocks: Array<{ type: string; block_id?: string }>;
}

async function openNewEntry(): Promise<Modal> {
  const [miss] = await service.openSuggestions(Date.now());
  expect(miss?.question).toBe(MISS);
  await postPayload(t.url, SIGNING_SECRET, viewBlockAction({ actionId: 'faq_curate_new_entry', value: miss!.id, user: CURATOR }));
  const [open] = await t.api.waitForCalls('views.open');
  const modal = open?.params.view as Modal;
  expect(viewProblems(modal)).toEqual([]);
  return modal;
}

describe('"New entry…" with the real curation service', () => {
  it('cites the chosen passage word for word; the rebuilt engine answers the question with the new entry', async () => {
    const modal = await openNewEntry();
    const offered = (JSON.parse(modal.private_metadata) as { p: Array<[string, string]> }).p;
    expect(offered.length).toBeGreaterThan(0);
    const [source, quote] = offered[0]!;
    expect(blockText(modal.blocks)).toContain(quote.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));

    const res = await postPayload(
      t.url,
      SIGNING_SECRET,
      viewSubmission({
        callbackId: modal.callback_id,
        privateMetadata: modal.private_metadata,
        user: CURATOR,
        values: { faq_cur_question: { question: typed(MISS) }, faq_cur_answer: { answer: typed('Technical guidance and support.') }, faq_cur_citation: { citation: chose('0') } },
      }),
    );
    expect(res.body).toBe('');
    const [added] = await store.curations();
    expect(added).toMatchObject({ kind: 'entry', question: MISS, answer: 'Technical guidance and support.', citations: [{ source, quote }], by: CURATOR });
    // The suggestion is decided: the inbox no longer offers it.
    expect(await service.openSuggestions(Date.now())).toEqual([]);

    engine = await loadEngine('seeds', { curations: await store.curations() });
    expect(engine.ask(MISS)).toMatchObject({ status: 'answered', entryId: added!.entryId, answer: 'Technical guidance and support.' });
  });

  it('a citation changed on the way (not in its article word for word) is refused under the menu; nothing is stored', async () => {
    const modal = await openNewEntry();
    const metadata = JSON.parse(modal.private_metadata) as { s: string; p: Array<[string, string]> };
    metadata.p[0]![1] = `${metadata.p[0]![1]} And more words no article has.`;
    const res = await postPayload(
      t.url,
      SIGNING_SECRET,
      viewSubmission({
        callbackId: modal.callback_id,
        privateMetadata: JSON.stringify(metadata),
        user: CURATOR,
        values: { faq_cur_question: { question: typed(MISS) }, faq_cur_answer: { answer: typed('Guidance.') }, faq_cur_citation: { citation: chose('0') } },
      }),
    );
    const body = JSON.parse(res.body) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual(['faq_cur_citation']);
    expect(body.errors['faq_cur_citation']).toMatch(/^Cannot add the entry: /);
    expect(await store.curations()).toEqual([]);
  });
});
