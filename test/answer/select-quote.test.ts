import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/load-corpus.ts';
import { buildEngine } from '../../src/load-engine.ts';
import { clip, QUOTE_BUDGET } from '../../src/answer/select-quote.ts';

const filler = 'The committee met often and discussed many general matters of routine administration at length.';

describe('quotes', () => {
  it('quotes the sentence that answers, not the paragraph opening', () => {
    const text = `# Bridges\n\n${filler} ${filler} The Golden Gate Bridge opened in 1937 after four years of work. ${filler}\n`;
    const engine = buildEngine({ corpus: { dir: '.', articles: [parseArticle('b.md', text)] }, curated: [] });
    const answer = engine.ask('When did the Golden Gate Bridge open?');
    expect(answer.status).toBe('answered');
    expect(answer.citations[0]!.quote).toMatch(/^The Golden Gate Bridge opened in 1937/);
  });

  it('keeps all quotes within 700 characters and never cuts a word', () => {
    const long = `${'word '.repeat(300)}Zanzibar spice trade grew strongly ${'more '.repeat(100)}end.`;
    const text = `# Spice\n\n${long}\n`;
    const engine = buildEngine({ corpus: { dir: '.', articles: [parseArticle('s.md', text)] }, curated: [] });
    const answer = engine.ask('Zanzibar spice trade');
    const total = answer.citations.reduce((n, c) => n + c.quote.length, 0);
    expect(total).toBeLessThanOrEqual(QUOTE_BUDGET);
    for (const c of answer.citations) {
      expect(text).toContain(c.quote);
      const end = text.indexOf(c.quote) + c.quote.length;
      expect(/[\p{L}\p{N}]/u.test(text[end] ?? ' ') && /[\p{L}\p{N}]/u.test(c.quote.at(-1)!)).toBe(false);
    }
  });

  it('quotes a quotation whole, both marks and the speaker, even when it holds three sentences', () => {
    const said = '"Until today, OpenStack only supported open source hypervisors. Customers asked for more. Now Hyper-V joins them," stated Ted MacLean, general manager of the Open Solutions Group.';
    const text = `# Hyper-V\n\n${filler} ${said} ${filler}\n`;
    const engine = buildEngine({ corpus: { dir: '.', articles: [parseArticle('h.md', text)] }, curated: [] });
    const answer = engine.ask('What did Ted MacLean say about open source hypervisors?');
    expect(answer.status).toBe('answered');
    expect(answer.citations.map((c) => c.quote)).toContain(said);
  });

  it('quotes the next sentence too when it goes on by pointing back, and the one a window points back to', () => {
    const story = "Warsaw's first stock exchange was established in 1817 and continued trading until World War II. It was re-established in April 1991, after the end of communist control.";
    const text = `# Warsaw\n\n${filler} ${story} ${filler}\n`;
    const engine = buildEngine({ corpus: { dir: '.', articles: [parseArticle('w.md', text)] }, curated: [] });
    const asked = engine.ask("When was Warsaw's first stock exchange established?");
    expect(asked.status).toBe('answered');
    expect(asked.citations[0]!.quote).toBe(story);
    // Asked about the second sentence's words, the quote still starts where "It" is said.
    expect(engine.ask('When was the exchange re-established after communist control?').citations[0]!.quote).toBe(story);
  });

  it('does not start a cut quote with an opening mark whose closing one was cut off', () => {
    const text = `"${'word '.repeat(50)}end," he said.`;
    const span = clip(text, { start: 0, end: text.length }, 100);
    const quote = text.slice(span.start, span.end);
    expect(quote.startsWith('"')).toBe(false);
    expect(text).toContain(quote);
  });

  it('clip cuts at a word boundary', () => {
    const text = 'alpha beta gamma delta';
    const span = clip(text, { start: 0, end: text.length }, 13);
    expect(text.slice(span.start, span.end)).toBe('alpha beta');
  });
});
