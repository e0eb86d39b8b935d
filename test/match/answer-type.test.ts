import { describe, expect, it } from 'vitest';
import { answerTypeOf, asksForOtherThanTime, ordinalsConflict, ordinalsOf, sentenceFits } from '../../src/match/answer-type.ts';
import { normalizeText } from '../../src/match/normalize.ts';

const typeOf = (q: string) => answerTypeOf(normalizeText(q));

describe('what kind of answer a question wants', () => {
  it('a time for "when" asked as the question, not for a "when" clause', () => {
    expect(typeOf('When did Microsoft issue its pledge?')).toBe('time');
    expect(typeOf('and when was that?')).toBe('time');
    expect(typeOf('Prior to this, when did San Francisco last host a Super Bowl?')).toBe('time');
    // These want a way to do something; a date in the answer would be beside the point.
    expect(typeOf('How does facebook rank people in the result list when I search?')).toBe('other');
    expect(typeOf('Can I use OR in a filter when searching gmail?')).toBe('other');
  });

  it('a number for "how far/long…" as the question, not for "where can I see how long it is"', () => {
    expect(typeOf('How far is Tokyo from Osaka?')).toBe('number');
    expect(typeOf('How many companies have joined OpenStack?')).toBe('number');
    expect(typeOf("I've planned a route on google maps, where can I see how long it is?")).not.toBe('number');
  });
});

describe('a question that asks for something other than a time', () => {
  const other = (q: string) => asksForOtherThanTime(normalizeText(q));
  it('is a what/why/who question with no word asking for a date', () => {
    expect(other('What did the 2008 pledge do?')).toBe(true);
    expect(other('Why did Microsoft make the pledge in 2008?')).toBe(true);
    expect(other('Who announced it in July?')).toBe(true);
  });
  it('is not a "when", "what date", yes/no or keyword question', () => {
    for (const q of ['When was the pledge?', 'What date was the pledge?', "What's the pledge's date?", 'How long ago was the pledge?', 'Was the pledge in 2008?', 'pledge 2008', 'How many companies joined?']) {
      expect(other(q), q).toBe(false);
    }
  });
});

describe('amounts, years and sequences', () => {
  it('reads a question about a price or cost as one wanting an amount', () => {
    for (const q of ['What is the price of Windows Server 2008 R2?', 'What does Hyper-V cost?', 'How expensive is it?']) expect(typeOf(q), q).toBe('number');
  });
  it('does not take a year, or a version named after one, for an amount', () => {
    expect(sentenceFits("Hyper-V is part of Microsoft's Windows Server 2008 R2 product.", 'number')).toBe(false);
    expect(sentenceFits('It costs $2008 a year, or 1,500 euros.', 'number')).toBe(true);
    expect(sentenceFits('Linux violated 235 of the patents.', 'number')).toBe(true);
  });
  it('tells a question about the second of a sequence from an entry about the first', () => {
    const q = (text: string) => ordinalsOf(normalizeText(text));
    expect(ordinalsConflict(q('What is the second OpenStack release called?'), q("OpenStack's first official release is Austin."))).toBe(true);
    expect(ordinalsConflict(q('What was the first release called?'), q("OpenStack's first official release is Austin."))).toBe(false);
    expect(ordinalsConflict(q('What is the second release called?'), q('The release is called Austin.'))).toBe(false);
  });
});
