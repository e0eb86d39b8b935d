import { describe, expect, it } from 'vitest';
import { normalizeText, termsOf } from '../../src/match/normalize.ts';

describe('normalizeText', () => {
  it('strips Slack mentions, channel links, emoji and keeps link labels', () => {
    expect(normalizeText('<@U123ABC> what is <http://x.com/a|vCloud Director> :thinking_face: <#C1|general> <!here>')).toBe('what is vcloud director');
  });

  it('folds curly quotes, apostrophes and dashes', () => {
    expect(normalizeText('What’s “Austin” — OpenStack‘s release')).toBe(`what's "austin" - openstack's release`);
  });
});

describe('chat spellings', () => {
  it('puts back the apostrophe chat drops, so the words are the stopwords they stand for', () => {
    expect(normalizeText('whats hyperv? dont know, im lost, it cant ship')).toBe("what's hyperv? don't know, i'm lost, it can't ship");
    expect(termsOf('whats hyperv')).toEqual(termsOf("what's hyperv"));
    // Words that only end like a chat form are left alone.
    expect(normalizeText('Thatsit Whatsapp hints')).toBe('thatsit whatsapp hints');
  });
});

describe('termsOf', () => {
  it('makes Hyper-V, hyperv and "hyper v" meet on one term', () => {
    expect(termsOf('Hyper-V')).toContain('hyperv');
    expect(termsOf('hyperv')).toEqual(['hyperv']);
    expect(termsOf('HYPER‑V')).toContain('hyperv');
  });

  it('drops stopwords and stems', () => {
    expect(termsOf('Who founded the companies?')).toEqual(['found', 'compani']);
  });

  it('keeps a name joined by "&" as one word ("AT&T" is not the stopwords "at" and "t")', () => {
    expect(termsOf('Does AT&T use Hyper-V?')).toEqual(['att', 'us', 'hyperv', 'hyper', 'v']);
  });

  it('keeps non-Latin words whole', () => {
    expect(termsOf('Привет мир')).toEqual(['привет', 'мир']);
  });
});

describe('irregular verbs', () => {
  it('meet their base form ("began" asks about "begin")', () => {
    expect(termsOf('The crisis began in 1973')).toEqual(termsOf('When did the crisis begin 1973'));
    expect(termsOf('won')).toEqual(termsOf('win'));
  });
});
