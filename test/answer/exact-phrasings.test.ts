import { beforeAll, describe, expect, it } from 'vitest';
import { buildEngine, loadCuratedCorpus, type LoadedCorpus } from '../../src/load-engine.ts';
import type { FaqEntry } from '../../src/faq/types.ts';

// A curator's phrasing is answered with its entry even where the articles share few of its words.
const PHRASING = 'how much does hyperv cost';

let seeds: LoadedCorpus;
beforeAll(async () => {
  seeds = await loadCuratedCorpus('seeds');
});

function withVariant(loaded: LoadedCorpus, ids: readonly string[], variant: string): LoadedCorpus {
  const curated: FaqEntry[] = loaded.curated.map((e) => (ids.includes(e.id) ? { ...e, variants: [...e.variants, variant] } : e));
  return { ...loaded, curated };
}

describe("a question worded as a curator's phrasing", () => {
  it('is answered with that entry, whatever case, punctuation and spacing it is typed with', () => {
    const engine = buildEngine(withVariant(seeds, ['what-is-hyper-v'], PHRASING));
    for (const asked of [PHRASING, 'How much does HyperV cost?', '  how much   does hyperv cost ?! ']) {
      const answer = engine.ask(asked);
      expect(answer.status).toBe('answered');
      expect(answer.entryId).toBe('what-is-hyper-v');
      expect(answer.citations.length).toBeGreaterThan(0);
    }
  });

  it("is left to the ranking when asked with exactWording off (check's test-all asks so)", () => {
    const engine = buildEngine(withVariant(seeds, ['what-is-hyper-v'], PHRASING));
    expect(engine.ask(PHRASING).status).toBe('answered');
    // "How much…" wants a number the entry does not have: the ranking alone does not answer it.
    expect(engine.ask(PHRASING, { exactWording: false }).status).not.toBe('answered');
  });

  it('is left to the ranking when two entries claim the same phrasing', () => {
    const shared = buildEngine(withVariant(seeds, ['what-is-hyper-v', 'what-is-openstack'], PHRASING)).ask(PHRASING);
    // A curated wording answers with score 1; the ranking's confidence stays below it.
    expect(shared.score).toBeLessThan(1);
  });

  it('needs the whole wording: a longer question that contains it is ranked as usual', () => {
    const engine = buildEngine(withVariant(seeds, ['what-is-hyper-v'], PHRASING));
    const longer = engine.ask(`${PHRASING} for a cluster of eight hosts in 2011`);
    expect(longer.score).toBeLessThan(1);
  });
});

describe('two entries a question fits equally', () => {
  it('asks which one is meant, offering both, each answerable with one click', () => {
    // Two entries a curator gave the same wording: asked a little differently, neither stands out.
    const engine = buildEngine(withVariant(seeds, ['interoperability-pledge', 'interoperability-pledge-reason'], 'tell me about the microsoft pledge'));
    const asked = engine.ask('please tell me about that microsoft pledge');
    expect(asked.status).toBe('ambiguous');
    expect(asked.answer).toBeNull();
    const offered = asked.suggestions.map((s) => s.entryId);
    expect(offered).toEqual(expect.arrayContaining(['interoperability-pledge', 'interoperability-pledge-reason']));
    for (const id of offered) expect(engine.answerEntry(id!, asked.question)?.status).toBe('answered');
  });
});
