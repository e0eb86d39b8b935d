import { describe, expect, it } from 'vitest';
import { editDistance, TypoCorrector } from '../../src/match/typo-corrector.ts';

const vocabulary = ['openstack', 'director', 'directory', 'virtualization', 'microsoft', 'rackspace', 'nebula', 'fresno', 'the'];

describe('TypoCorrector', () => {
  const corrector = new TypoCorrector(vocabulary);

  it.each([
    ['openstak', 'openstack'],
    ['directr', 'director'],
    ['virtualisation', 'virtualization'],
    ['microsfot', 'microsoft'],
    ['rackspce', 'rackspace'],
  ])('corrects %s to %s', (typo, word) => {
    expect(corrector.correct(typo)).toBe(word);
  });

  it('leaves words that are not near misses alone', () => {
    expect(corrector.correct('zxcvbnm')).toBeNull();
    expect(corrector.correct('frets')).toBeNull(); // two edits from "fresno" in a short word
    expect(corrector.correct('teh')).toBeNull(); // too short to guess
  });
});

describe('editDistance', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('microsfot', 'microsoft')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
