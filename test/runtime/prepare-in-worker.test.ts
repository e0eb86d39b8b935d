import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/load-engine.ts';
import { prepareInWorker } from '../../src/runtime/prepare-in-worker.ts';
import type { Curation } from '../../src/store/store.ts';
import { SEEDS } from '../helpers/seeds-engine.ts';

const MISS = 'where can I download hyper-v';
const CURATIONS: Curation[] = [
  { id: 1, kind: 'phrasing', entryId: 'entry-removed-from-faq-yml', question: 'gone?', suggestionId: null, by: 'U', at: 1 },
  { id: 2, kind: 'phrasing', entryId: 'what-is-hyper-v', question: MISS, suggestionId: null, by: 'U', at: 2 },
];
const never = (): Promise<void> => new Promise<void>(() => undefined);

describe('a reload prepared in the worker thread', () => {
  it('overlays the curations as a build on the thread does: the same warnings, the same answers', async () => {
    const onThread: string[] = [];
    const inWorker: string[] = [];
    const direct = await loadEngine(SEEDS, { curations: CURATIONS, warn: (m) => onThread.push(m) });
    const prepared = await loadEngine(SEEDS, {
      curations: CURATIONS,
      warn: (m) => inWorker.push(m),
      prepare: () => prepareInWorker({ corpusDir: SEEDS, curations: CURATIONS, limit: never, pause: () => undefined }),
    });
    expect(inWorker).toEqual(['Curation 1 skipped: there is no curated entry "entry-removed-from-faq-yml".']);
    expect(inWorker).toEqual(onThread);
    expect(prepared.ask(MISS)).toMatchObject({ status: 'answered', entryId: 'what-is-hyper-v' });
    const questions = [MISS, ...fs.readFileSync('eval/seeds-paraphrase.jsonl', 'utf8').split('\n').filter(Boolean).map((line) => String(JSON.parse(line).q))];
    for (const question of questions) expect(prepared.ask(question), question).toEqual(direct.ask(question));
  });

  it('fails with the error a build on the thread would give, naming the folder', async () => {
    const missing = `${SEEDS}-no-such-folder`;
    const onThread = await loadEngine(missing).catch((error: Error) => error);
    const inWorker = await prepareInWorker({ corpusDir: missing, curations: [], limit: never, pause: () => undefined }).catch((error: Error) => error);
    expect(inWorker).toBeInstanceOf(Error);
    expect(inWorker).toMatchObject({ name: (onThread as Error).name, message: (onThread as Error).message, code: 'corpus_error' });
  });
});
