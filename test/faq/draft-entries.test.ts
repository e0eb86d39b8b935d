import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/load-corpus.ts';
import type { Article } from '../../src/corpus/types.ts';
import { draftEntries, MAX_QUOTE, slugify, trimConnectives, type DraftEntry } from '../../src/faq/paragraph-questions/draft-entries.ts';
import { locateQuote } from '../../src/faq/verify-faq.ts';
import { loadCuratedCorpus } from '../../src/load-engine.ts';

const SEEDS = path.resolve('seeds');
const ARTICLE_003 = '003_964dbca33fe16450.txt';

async function seedArticle(source: string): Promise<{ article: Article; background: readonly Article[] }> {
  const { corpus } = await loadCuratedCorpus(SEEDS);
  const article = corpus.articles.find((a) => a.source === source);
  if (!article) throw new Error(`${source} is not in seeds/`);
  return { article, background: corpus.articles };
}

function article(body: string, source = 'sample.md'): Article {
  return parseArticle(source, `# A Sample Article About Widgets\n\n${body}\n`);
}

function questions(entries: readonly DraftEntry[]): string[] {
  return entries.map((e) => e.question);
}

describe('draftEntries on a seed article (003)', () => {
  it('asks "Who is Ted MacLean?" from the appositive, with a short answer and the verbatim sentence', async () => {
    const { article: a, background } = await seedArticle(ARTICLE_003);
    const entry = draftEntries(a, { background }).find((e) => e.question === 'Who is Ted MacLean?');
    expect(entry).toBeDefined();
    expect(entry!.answer).toBe("Ted MacLean is general manager of Microsoft's Open Solutions Group.");
    expect(entry!.citations[0]!.quote).toContain('stated Ted MacLean, general manager of Microsoft');
    expect(entry!.variants.length).toBeGreaterThanOrEqual(3);
  });

  it('finds the other reliable patterns of 003: founder, definition, count and date', async () => {
    const { article: a, background } = await seedArticle(ARTICLE_003);
    const asked = questions(draftEntries(a, { background }));
    expect(asked).toEqual(
      expect.arrayContaining([
        'Who founded OpenStack?',
        'What is Hyper-V?',
        'How many companies have joined the OpenStack effort?',
        'When did Microsoft issue an interoperability pledge?',
      ]),
    );
    // The author note is page chrome (body_ends_before "About the Author"): nothing is drafted from it.
    expect(asked).not.toContain('Who is Kurt Mackie?');
  });

  it('gives every body paragraph 1-3 entries whose quotes verify inside that paragraph, never page chrome', async () => {
    const { article: a, background } = await seedArticle(ARTICLE_003);
    const entries = draftEntries(a, { background });
    for (const paragraph of a.paragraphs) {
      const mine = entries.filter((e) => e.paragraph === paragraph.number);
      expect(mine.length, `paragraph ${paragraph.number}`).toBeGreaterThanOrEqual(1);
      expect(mine.length, `paragraph ${paragraph.number}`).toBeLessThanOrEqual(3);
    }
    for (const entry of entries) {
      expect(entry.variants.length, entry.id).toBeGreaterThanOrEqual(3);
      for (const citation of entry.citations) {
        expect(citation.quote.length).toBeLessThanOrEqual(MAX_QUOTE);
        const located = locateQuote(a, citation.quote);
        expect(located, citation.quote).toMatchObject({ source: ARTICLE_003, paragraph: entry.paragraph });
      }
    }
    const quoted = entries.flatMap((e) => e.citations.map((c) => c.quote)).join('\n');
    expect(quoted).not.toMatch(/Featured|Gemini|Agentic AI Foundation|Maia 200|Kurt Mackie|senior news producer/);
  });

  it('keeps the no-break spaces of the article in the quote, exactly', async () => {
    const { article: a, background } = await seedArticle(ARTICLE_003);
    const first = draftEntries(a, { background }).find((e) => e.paragraph === 1)!;
    expect(first.citations[0]!.quote).toContain('commercial \u00a0hypervisor into the open source\u00a0OpenStack');
  });

  it('makes unique kebab-case ids from the article and key phrase, avoiding reserved ones', async () => {
    const { article: a, background } = await seedArticle(ARTICLE_003);
    const first = draftEntries(a, { background });
    const ids = first.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(ids).toContain('hyper-v-who-ted-maclean');
    const again = draftEntries(a, { background, reservedIds: ids });
    expect(again.map((e) => e.id).filter((id) => ids.includes(id))).toEqual([]);
  });
});

describe('draftEntries patterns on a plain article', () => {
  it('turns "X was founded by Y" into "Who founded X?" with Y in the answer', () => {
    const entries = draftEntries(article('Widgetry was founded by engineer Ada Lovelace using spare parts from a mill. It makes widgets.'));
    const founded = entries.find((e) => e.kind === 'founded');
    expect(founded).toMatchObject({ question: 'Who founded Widgetry?', answer: 'Widgetry was founded by engineer Ada Lovelace.' });
    expect(founded!.variants).toContain('widgetry founder');
  });

  it('turns a definition "X is a Y" into "What is X?"', () => {
    const entries = draftEntries(article('Gizmodrome is a museum of mechanical toys in the old harbour district.'));
    expect(entries[0]).toMatchObject({ kind: 'what', question: 'What is Gizmodrome?', answer: 'Gizmodrome is a museum of mechanical toys in the old harbour district.' });
  });

  it('asks "When did …?" about a dated event, with the year in a variant', () => {
    const entries = draftEntries(article('In 1998, Widgetry opened a second factory in Lyon. The factory employs many people.'));
    const when = entries.find((e) => e.kind === 'when');
    expect(when?.question).toBe('When did Widgetry open a second factory in Lyon?');
    expect(when?.variants).toContain('What year did Widgetry open a second factory in Lyon?');
  });

  it('asks "How many …?" about a count', () => {
    const entries = draftEntries(article('Widgetry is one of more than 40 companies that have signed the widget charter.'));
    expect(questions(entries)).toContain('How many companies have signed the widget charter?');
  });

  it('falls back to the key phrase: "What does the article say about …?"', () => {
    const entries = draftEntries(article('Sprocket lubrication keeps the assembly line quiet. Without sprocket lubrication the gears grind within hours.'));
    expect(entries[0]!.kind).toBe('about');
    expect(entries[0]!.question).toBe('What does the article say about sprocket lubrication?');
  });

  it('trims leading connectives from the drafted answer but quotes the sentence whole', () => {
    const entries = draftEntries(article('However, the assembly line stopped for good after the flood of the river.'));
    expect(entries[0]!.answer).toBe('The assembly line stopped for good after the flood of the river.');
    expect(entries[0]!.citations[0]!.quote).toBe('However, the assembly line stopped for good after the flood of the river.');
    expect(trimConnectives('Lately, widgets sold well.')).toBe('Widgets sold well.');
  });

  it('cuts a sentence longer than the quote limit at a boundary, keeping the part the question is about', () => {
    const filler = Array.from({ length: 40 }, (_, i) => `clause number ${i} goes on`).join(', ');
    const a = article(`The report lists ${filler}, and Mira Patel, chief engineer of Widgetry, signed it.`);
    const who = draftEntries(a).find((e) => e.question === 'Who is Mira Patel?');
    const quote = who!.citations[0]!.quote;
    expect(quote.length).toBeLessThanOrEqual(MAX_QUOTE);
    expect(quote).toContain('Mira Patel, chief engineer of Widgetry');
    expect(a.text).toContain(quote);
    expect(quote).toMatch(/^\S.*\S$/);
  });

  it('does not take sentence-initial words for names ("Lately", "Often")', () => {
    const entries = draftEntries(article('Lately, the widget market grew. Often, a widget is a gift for engineers.'));
    expect(questions(entries).join('\n')).not.toMatch(/Lately\?|Often\?/);
  });

  it('drafts something valid for text in other scripts, with ids from the paragraph number', () => {
    const a = article('Виджеты производятся на заводе в Лионе. 工厂每天生产很多小部件。');
    const entries = draftEntries(a);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(entry.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(a.text).toContain(entry.citations[0]!.quote);
    }
  });
});

describe('slugify', () => {
  it('folds accents, drops stopwords and caps the word count', () => {
    expect(slugify('Who is Ted MacLean?', 5)).toBe('ted maclean'.replace(' ', '-'));
    expect(slugify('Café Société of Zürich', 5)).toBe('cafe-societe-zurich');
    expect(slugify('The', 2)).toBe('the');
    expect(slugify('Никола', 2)).toBe('');
  });
});
