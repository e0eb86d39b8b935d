import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.ts';
import { createJsonLogger } from '../../src/json-logger.ts';
import { loadEngine, type LoadEngineOptions } from '../../src/load-engine.ts';
import { curatedEngines, type CuratedEngines } from '../../src/runtime/curated-engines.ts';
import type { Store } from '../../src/store/store.ts';
import { recordQuestion } from '../helpers/record-question.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { backends, noticePostgresSkipped } from '../store/store-backends.ts';
import { Capture } from './helpers/capture.ts';

noticePostgresSkipped();

const SEEDS = path.resolve('seeds');
const MISS = 'where can I download hyper-v';

describe.each(backends())('curations live on every replica: $name', (backend) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** One replica as run-slack-bot builds it, counting its engine builds. */
  async function replica(store: Store): Promise<CuratedEngines & { builds: () => number; log: Capture }> {
    let builds = 0;
    const log = new Capture();
    const counted = async (dir: string, options?: LoadEngineOptions): Promise<Engine> => {
      const engine = await loadEngine(dir, options);
      builds += 1;
      return engine;
    };
    const built = curatedEngines({ store, corpusDir: SEEDS, loadEngine: counted, logger: createJsonLogger({ stream: log }) });
    await built.engines.loadInitial();
    return { ...built, builds: () => builds, log };
  }

  it('a phrasing accepted on replica A answers at once there, and on replica B after its next poll, without a restart', async () => {
    const { store: storeA, dispose } = await backend.open();
    cleanups.push(dispose);
    const storeB = await backend.openSibling(storeA);
    cleanups.push(() => storeB.close());
    const [a, b] = [await replica(storeA), await replica(storeB)];

    await recordQuestion(storeA, MISS, { status: 'unknown', at: Date.now() - 1000 });
    expect(b.engines.get().ask(MISS).status).toBe('unknown');
    expect(await b.watcher.check()).toBe(false);

    const [miss] = await a.curation.openSuggestions(Date.now());
    expect(miss).toMatchObject({ kind: 'unanswered', question: MISS });
    await a.curation.acceptPhrasing({ suggestionId: miss!.id, entryId: 'what-is-hyper-v', by: 'UCURATOR', at: Date.now() });

    // Replica A rebuilt on its own accept, without waiting for a poll.
    await waitFor(() => a.builds() === 2, 'replica A to rebuild after its accept');
    expect(a.engines.get().ask(MISS)).toMatchObject({ status: 'answered', entryId: 'what-is-hyper-v' });
    expect(await a.watcher.check()).toBe(false);

    // Replica B still serves what it had until it polls; one poll brings the curation in.
    expect(b.engines.get().ask(MISS).status).toBe('unknown');
    expect(await b.watcher.check()).toBe(true);
    expect(b.engines.get().ask(MISS)).toMatchObject({ status: 'answered', entryId: 'what-is-hyper-v' });
    expect(await b.watcher.check()).toBe(false);
    expect(b.builds()).toBe(2);
    // And the inbox on B no longer offers the accepted miss.
    expect(await b.curation.openSuggestions(Date.now())).toEqual([]);
  });

  it('a stored curation that no longer applies is skipped with a warning; the bot still starts and answers', async () => {
    const { store, dispose } = await backend.open();
    cleanups.push(dispose);
    await store.addCuration({ kind: 'phrasing', entryId: 'entry-removed-from-faq-yml', question: 'gone?', suggestionId: null, by: 'U', at: 1 });
    await store.addCuration({ kind: 'entry', entryId: 'stale-quote', question: 'Stale?', answer: 'Yes.', citations: [{ source: '000_b55cda4abeb78742.txt', quote: 'A sentence the article no longer has.' }], suggestionId: null, by: 'U', at: 2 });
    await store.addCuration({ kind: 'phrasing', entryId: 'what-is-hyper-v', question: MISS, suggestionId: null, by: 'U', at: 3 });
    const r = await replica(store);
    expect(r.engines.get().ask(MISS)).toMatchObject({ status: 'answered', entryId: 'what-is-hyper-v' });
    expect(r.engines.get().answerEntry('stale-quote')).toBeNull();
    const warnings = r.log.entries.filter((e) => e['level'] === 'warn').map((e) => String(e['msg'] ?? e['message']));
    expect(warnings).toEqual([
      'Curation 1 skipped: there is no curated entry "entry-removed-from-faq-yml".',
      expect.stringMatching(/^Curation 2 skipped: the quote is not found verbatim in 000_b55cda4abeb78742.txt/),
    ]);
  });
});
