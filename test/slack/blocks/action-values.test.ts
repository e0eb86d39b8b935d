import { describe, expect, it } from 'vitest';
import { decodeAnswerRef, encodeAnswerRef } from '../../../src/slack/blocks/action-values.ts';

describe('button values', () => {
  it('round-trip an entry id and a question', () => {
    const value = encodeAnswerRef({ entryId: 'who-founded-openstack', question: 'Who founded <OpenStack> & why?' });
    expect(decodeAnswerRef(value)).toEqual({ entryId: 'who-founded-openstack', question: 'Who founded <OpenStack> & why?' });
  });

  it.each([
    ['plain ASCII', 'a'.repeat(40_000)],
    ['characters JSON escapes six-fold', '\u0001'.repeat(5_000)],
    ['quotes and backslashes', '"\\'.repeat(3_000)],
    ['astral characters (surrogate pairs)', '😀'.repeat(3_000)],
  ])('stay within 2,000 characters for a huge question (%s)', (_name, question) => {
    const value = encodeAnswerRef({ entryId: 'e', question });
    expect(value.length).toBeLessThanOrEqual(2000);
    const ref = decodeAnswerRef(value);
    expect(ref?.entryId).toBe('e');
    expect(question.startsWith(ref?.question ?? '\uFFFF')).toBe(true);
    // No lone surrogate left at the cut.
    expect(ref?.question).toBe(ref?.question.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/g, ''));
  });

  it('drop an entry id too long to be one, and fall back to re-asking', () => {
    expect(decodeAnswerRef(encodeAnswerRef({ entryId: 'x'.repeat(5000), question: 'q' }))).toEqual({ entryId: null, question: 'q' });
  });

  it.each([undefined, '', 'not json', '[]', '{"e":1,"q":"x"}', '{"e":null}', 'null'])('reject %j', (value) => {
    expect(decodeAnswerRef(value)).toBeNull();
  });
});
