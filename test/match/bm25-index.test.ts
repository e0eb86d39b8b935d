import { describe, expect, it } from 'vitest';
import { TermIndex } from '../../src/match/term-index.ts';

describe('BM25 ranking', () => {
  const index = new TermIndex([
    ['hyperv', 'openstack', 'microsoft'],
    ['nasa', 'nebula', 'openstack'],
    ['rackspace', 'openstack', 'nasa', 'nasa'],
  ]);

  it('ranks the document holding the rare term first', () => {
    expect(index.search(['nebula'], 3).map((h) => h.doc)).toEqual([1]);
  });

  it('weighs a repeated term, and a rare term above a common one', () => {
    const hits = index.search(['nasa', 'openstack'], 3);
    expect(hits[0]!.doc).toBe(2);
    expect(hits.map((h) => h.doc)).not.toContain(undefined);
    expect(hits[hits.length - 1]!.doc).toBe(0);
  });

  it('keeps only the best `limit`, best first, and ignores unknown terms', () => {
    const hits = index.search(['openstack', 'zanzibar'], 2);
    expect(hits).toHaveLength(2);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
    expect(index.search(['zanzibar'], 5)).toEqual([]);
  });
});
