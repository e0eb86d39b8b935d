import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StoreCurationService } from '../../src/curate/store-curation-service.ts';
import type { Engine } from '../../src/engine.ts';
import { CurationError } from '../../src/errors.ts';
import { loadEngine } from '../../src/load-engine.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Curation } from '../../src/store/store.ts';
import { recordQuestion } from '../helpers/record-question.ts';

const SEEDS = path.resolve('seeds');
const NOW = 1_800_000_000_000;
/** Unknown to the seeds, answered by what-is-hyper-v once it is one of its phrasings. */
const ANSWERABLE_MISS = 'where can I download hyper-v';
const HYPER_V_QUOTE = 'Microsoft is joining OpenStack through the integration of Hyper-V, its virtualization technology.';

let seedsEngine: Engine;
beforeAll(async () => {
  seedsEngine = await loadEngine(SEEDS);
});

let dir: string;
let store: SqliteStore;
let engine: Engine;
let curated: Curation[];
let service: StoreCurationService;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-curate-'));
  store = new SqliteStore(path.join(dir, 'faqbot.db'));
  await store.migrate();
  engine = seedsEngine;
  curated = [];
  service = new StoreCurationService({ store, getEngine: () => engine, onCurated: (c) => curated.push(c) });
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('suggestions', () => {
  it('groups near-duplicate misses, counts them, shows the latest wording, and leaves answered questions out', async () => {
    await recordQuestion(store, 'How much does Hyper-V cost?', { status: 'unknown', at: NOW - 3000 });
    await recordQuestion(store, 'how much does hyperv cost', { status: 'unknown', at: NOW - 2000 });
    await recordQuestion(store, 'hyper-v: how much does it cost?', { status: 'unknown', at: NOW - 1000 });
    await recordQuestion(store, 'Where can I download the SDK?', { status: 'unknown', at: NOW - 500 });
    await recordQuestion(store, 'What is Hyper-V?', { status: 'answered', entryId: 'what-is-hyper-v', at: NOW - 100 });
    const open = await service.openSuggestions(NOW);
    expect(open.map((s) => [s.kind, s.question, s.count, s.entryId])).toEqual([
      ['unanswered', 'hyper-v: how much does it cost?', 3, null],
      ['unanswered', 'Where can I download the SDK?', 1, null],
    ]);
    // Stable: another replica's service computes the same ids.
    const other = new StoreCurationService({ store, getEngine: () => engine });
    expect((await other.openSuggestions(NOW)).map((s) => s.id)).toEqual(open.map((s) => s.id));
  });

  it('a "did you mean" pick by two different people is a suggestion of kind picked for the chosen entry, above one person\'s', async () => {
    await store.recordPick({ user: 'UALICE', question: 'hyperv price?', entryId: 'hyper-v-proprietary', at: NOW - 300 });
    await store.recordPick({ user: 'UALICE', question: 'hyperv price', entryId: 'hyper-v-proprietary', at: NOW - 250 });
    await store.recordPick({ user: 'UBOB', question: 'Hyper-V price', entryId: 'hyper-v-proprietary', at: NOW - 200 });
    await store.recordPick({ user: 'UCAROL', question: 'who builds it', entryId: 'what-is-hyper-v', at: NOW - 100 });
    const open = await service.openSuggestions(NOW);
    expect(open.map((s) => [s.kind, s.question, s.count, s.entryId])).toEqual([
      ['picked', 'Hyper-V price', 2, 'hyper-v-proprietary'],
      ['picked', 'who builds it', 1, 'what-is-hyper-v'],
    ]);
  });

  it('an answer voted not helpful is a suggestion for its entry', async () => {
    await store.recordVote({ answerChannel: 'D1', answerTs: '1.1', user: 'UALICE', verdict: 'not_helpful', entryId: 'what-is-hyper-v', question: 'is hyper-v free?', at: NOW - 10 });
    await store.recordVote({ answerChannel: 'D1', answerTs: '1.2', user: 'UBOB', verdict: 'helpful', entryId: 'what-is-hyper-v', question: 'What is Hyper-V?', at: NOW - 5 });
    const [only, ...rest] = await service.openSuggestions(NOW);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ kind: 'not_helpful', question: 'is hyper-v free?', count: 1, entryId: 'what-is-hyper-v', answered: { status: 'answered', entryId: 'what-is-hyper-v', entryQuestion: 'What is Hyper-V?' } });
  });
});

describe('decisions', () => {
  it('accepting a miss as a phrasing stores it, closes the suggestion, tells this replica, and the rebuilt engine answers it', async () => {
    await recordQuestion(store, ANSWERABLE_MISS, { status: 'unknown', at: NOW - 1000 });
    expect(seedsEngine.ask(ANSWERABLE_MISS).status).toBe('unknown');
    const [miss] = await service.openSuggestions(NOW);
    const curation = await service.acceptPhrasing({ suggestionId: miss!.id, entryId: 'what-is-hyper-v', by: 'UCURATOR', at: NOW });
    expect(curation).toMatchObject({ kind: 'phrasing', entryId: 'what-is-hyper-v', question: ANSWERABLE_MISS, by: 'UCURATOR' });
    expect(curated).toEqual([curation]);
    expect(await service.openSuggestions(NOW)).toEqual([]);
    expect(await store.suggestionDecisions()).toEqual([{ suggestionId: miss!.id, decision: 'accepted', by: 'UCURATOR', at: NOW }]);
    const rebuilt = await loadEngine(SEEDS, { curations: await store.curations() });
    expect(rebuilt.ask(ANSWERABLE_MISS)).toMatchObject({ status: 'answered', entryId: 'what-is-hyper-v' });
  });

  it('a new entry with a verbatim citation is stored and answered; dismissing closes a suggestion once', async () => {
    await recordQuestion(store, 'Who wrote the Hyper-V integration code?', { status: 'unknown', at: NOW - 1000 });
    const [miss] = await service.openSuggestions(NOW);
    const entry = await service.addEntry({ suggestionId: null, question: 'Who wrote the Hyper-V integration code?', answer: 'Microsoft, with Cloud.com.', citations: [{ source: '000_b55cda4abeb78742.txt', quote: HYPER_V_QUOTE }], by: 'UCURATOR', at: NOW });
    expect(entry).toMatchObject({ kind: 'entry', entryId: 'who-wrote-the-hyper-v-integration-code' });
    const rebuilt = await loadEngine(SEEDS, { curations: await store.curations() });
    expect(rebuilt.answerEntry('who-wrote-the-hyper-v-integration-code')?.citations[0]?.quote).toBe(HYPER_V_QUOTE);
    expect(await service.dismiss(miss!.id, 'UCURATOR', NOW)).toBe(true);
    expect(await service.dismiss(miss!.id, 'UOTHER', NOW + 1)).toBe(false);
    expect(await service.openSuggestions(NOW)).toEqual([]);
  });

  it('refuses bad input with a message for the curator, and stores nothing', async () => {
    await recordQuestion(store, 'how much does hyperv cost', { status: 'unknown', at: NOW - 1000 });
    const [miss] = await service.openSuggestions(NOW);
    await expect(service.acceptPhrasing({ suggestionId: miss!.id, entryId: 'no-such-entry', by: 'U', at: NOW })).rejects.toThrow(new CurationError('Cannot add the phrasing: there is no curated entry "no-such-entry".'));
    await expect(service.acceptPhrasing({ suggestionId: 'feedfeedfeed', entryId: 'what-is-hyper-v', by: 'U', at: NOW })).rejects.toThrow(/no open suggestion feedfeedfeed/);
    await expect(service.acceptPhrasing({ suggestionId: null, question: '  ', entryId: 'what-is-hyper-v', by: 'U', at: NOW })).rejects.toThrow(/question is empty/);
    await expect(
      service.addEntry({ suggestionId: null, question: 'Is it free?', answer: 'Yes.', citations: [{ source: '000_b55cda4abeb78742.txt', quote: 'Hyper-V is free for everyone.' }], by: 'U', at: NOW }),
    ).rejects.toThrow(/quote is not found verbatim in 000_b55cda4abeb78742.txt: "Hyper-V is free for everyone."/);
    await expect(service.addEntry({ suggestionId: null, question: 'Is it free?', answer: 'Yes.', citations: [{ source: 'nope.txt', quote: 'x' }], by: 'U', at: NOW })).rejects.toBeInstanceOf(CurationError);
    await expect(service.addEntry({ suggestionId: null, question: 'Is it free?', answer: ' ', citations: [{ source: '000_b55cda4abeb78742.txt', quote: HYPER_V_QUOTE }], by: 'U', at: NOW })).rejects.toThrow(/answer is empty/);
    expect(await store.curations()).toEqual([]);
    expect(curated).toEqual([]);
    expect((await service.openSuggestions(NOW)).map((s) => s.id)).toEqual([miss!.id]);
  });

  it('offers the likeliest entries first and verbatim passages for a citation', () => {
    const entries = service.likelyEntries('Is Hyper-V a hypervisor?', 5);
    expect(entries[0]?.id).toBe('what-is-hyper-v');
    expect(entries).toHaveLength(5);
    const passages = service.candidatePassages('Microsoft joining OpenStack Hyper-V', 3);
    expect(passages.length).toBeGreaterThan(0);
    const text = fs.readFileSync(path.join(SEEDS, passages[0]!.source), 'utf8');
    for (const p of passages) expect(fs.readFileSync(path.join(SEEDS, p.source), 'utf8')).toContain(p.quote);
    expect(text).toContain(passages[0]!.quote);
  });
});

describe('stats', () => {
  it('counts questions by outcome, votes, latency percentiles, top entries and top misses over the window', async () => {
    await recordQuestion(store, 'What is Hyper-V?', { status: 'answered', entryId: 'what-is-hyper-v', at: NOW - 5000, latencyMs: 100 });
    await recordQuestion(store, 'what is hyperv', { status: 'answered', entryId: 'what-is-hyper-v', at: NOW - 4000, latencyMs: 300 });
    await recordQuestion(store, 'Is Hyper-V proprietary?', { status: 'answered', entryId: 'hyper-v-proprietary', at: NOW - 3000, latencyMs: 200 });
    await recordQuestion(store, 'microsoft?', { status: 'ambiguous', at: NOW - 2500, latencyMs: 50 });
    await recordQuestion(store, 'how much does hyperv cost', { status: 'unknown', at: NOW - 2000, latencyMs: 40 });
    await recordQuestion(store, 'How much does Hyper-V cost?', { status: 'unknown', at: NOW - 1000, latencyMs: 5000 });
    await recordQuestion(store, 'long ago', { status: 'unknown', at: NOW - 8 * 86_400_000 });
    await store.recordVote({ answerChannel: 'D1', answerTs: '1.1', user: 'UA', verdict: 'helpful', entryId: 'what-is-hyper-v', question: 'q', at: NOW - 100 });
    await store.recordVote({ answerChannel: 'D1', answerTs: '1.1', user: 'UB', verdict: 'helpful', entryId: 'what-is-hyper-v', question: 'q', at: NOW - 90 });
    await store.recordVote({ answerChannel: 'D1', answerTs: '1.2', user: 'UA', verdict: 'not_helpful', entryId: 'hyper-v-proprietary', question: 'q', at: NOW - 80 });
    const stats = await service.stats(7, NOW);
    expect(stats).toEqual({
      days: 7,
      questions: 6,
      answered: 3,
      ambiguous: 1,
      unknown: 2,
      failed: 0,
      answeredRate: 0.5,
      helpful: 2,
      notHelpful: 1,
      helpfulRate: 2 / 3,
      medianLatencyMs: 100,
      p99LatencyMs: 5000,
      topEntries: [
        { entryId: 'what-is-hyper-v', question: 'What is Hyper-V?', count: 2 },
        { entryId: 'hyper-v-proprietary', question: expect.any(String), count: 1 },
      ],
      topUnanswered: [{ question: 'How much does Hyper-V cost?', count: 2 }],
    });
  });
});
