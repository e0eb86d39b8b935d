import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.ts';
import { CorpusError } from '../../src/errors.ts';
import { createJsonLogger } from '../../src/json-logger.ts';
import { EngineHolder } from '../../src/runtime/engine-holder.ts';
import { Capture } from './helpers/capture.ts';

function fakeEngine(name: string): Engine {
  return { ask: () => { throw new Error('unused'); }, answerEntry: () => null, articles: [{ source: name, title: name }], examples: [] };
}

describe('EngineHolder', () => {
  it('keeps the last good engine when a reload fails, and says why', async () => {
    const out = new Capture();
    const results: Array<Engine | Error> = [fakeEngine('v1'), new CorpusError('faq.yml line 7: entry "x" has no question'), fakeEngine('v3')];
    const holder = new EngineHolder({
      corpusDir: '/corpus',
      logger: createJsonLogger({ stream: out }),
      load: async () => {
        const next = results.shift();
        if (next instanceof Error) throw next;
        if (!next) throw new Error('no more');
        return next;
      },
    });
    expect(holder.ready).toBe(false);
    expect(() => holder.get()).toThrow(/not loaded/);
    await holder.loadInitial();
    expect(await holder.reload('SIGHUP')).toBe(false);
    expect(holder.get().articles[0]?.source).toBe('v1');
    expect(out.entries.at(-1)).toMatchObject({ level: 'error', reason: 'SIGHUP', error: { code: 'corpus_error' } });
    expect(String(out.entries.at(-1)?.['msg'])).toContain('faq.yml line 7');
    expect(await holder.reload('corpus folder changed')).toBe(true);
    expect(holder.get().articles[0]?.source).toBe('v3');
  });

  it('never runs two rebuilds at once; a request during one gets exactly one more', async () => {
    let running = 0;
    let maxRunning = 0;
    let loads = 0;
    const holder = new EngineHolder({
      corpusDir: '/corpus',
      logger: createJsonLogger({ stream: new Capture() }),
      load: async () => {
        running += 1;
        loads += 1;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((resolve) => setImmediate(resolve));
        running -= 1;
        return fakeEngine(`v${loads}`);
      },
    });
    await holder.loadInitial();
    const all = await Promise.all([holder.reload('a'), holder.reload('b'), holder.reload('c')]);
    expect(all).toEqual([true, true, true]);
    expect(maxRunning).toBe(1);
    expect(loads).toBe(3); // initial + one rebuild + one more for the requests made during it
  });

  it('gives up a reload that never finishes (a blocked read): the last good engine serves, the next reload runs', async () => {
    const out = new Capture();
    const loads: Array<() => Promise<Engine>> = [async () => fakeEngine('v1'), () => new Promise<Engine>(() => undefined), async () => fakeEngine('v3')];
    const holder = new EngineHolder({ corpusDir: '/corpus', logger: createJsonLogger({ stream: out }), reloadTimeoutMs: 20, load: () => (loads.shift() ?? (async () => fakeEngine('none')))() });
    await holder.loadInitial();
    expect(await holder.reload('SIGHUP')).toBe(false);
    expect(holder.get().articles[0]?.source).toBe('v1');
    expect(String(out.entries.at(-1)?.['msg'])).toMatch(/Corpus reload failed; still serving the last good index\. Reading the corpus took over 0 s and was given up/);
    expect(await holder.reload('corpus folder changed')).toBe(true);
    expect(holder.get().articles[0]?.source).toBe('v3');
  });
});
