import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEngine } from '../../src/load-engine.ts';
import { CorpusError } from '../../src/errors.ts';
import { parseArticle } from '../../src/corpus/load-corpus.ts';
import { splitSentences } from '../../src/corpus/split-passages.ts';

describe('articles', () => {
  it('takes the title from a # heading and splits blank-line paragraphs with exact offsets', () => {
    const text = '# Nebula\n\nNASA built Nebula. It ran at Ames.\n\nRackspace joined in 2010.\n';
    const article = parseArticle('n.md', text);
    expect(article.title).toBe('Nebula');
    expect(article.paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(['NASA built Nebula. It ran at Ames.', 'Rackspace joined in 2010.']);
    expect(article.paragraphs[0]!.sentences.map((s) => text.slice(s.start, s.end))).toEqual(['NASA built Nebula.', 'It ran at Ames.']);
  });

  it('keeps abbreviations and initials inside sentences', () => {
    const text = 'NASA, the U.S. space agency, met Mr. Smith. J. K. Rowling wrote.';
    expect(splitSentences(text, 0, text.length).map((s) => text.slice(s.start, s.end))).toEqual(['NASA, the U.S. space agency, met Mr. Smith.', 'J. K. Rowling wrote.']);
  });

  it('does not end a sentence inside a quotation: its closing mark and its speaker stay with it', () => {
    const text = '"Until today, OpenStack only supported open source products. Now it is Hyper-V too," stated Ted MacLean. “It works.” He left.';
    expect(splitSentences(text, 0, text.length).map((s) => text.slice(s.start, s.end))).toEqual([
      '"Until today, OpenStack only supported open source products. Now it is Hyper-V too," stated Ted MacLean.',
      '“It works.”',
      'He left.',
    ]);
  });

  it('ends the body where the curation data says, so page chrome is not a paragraph', () => {
    const text = 'Headline here\n\nBody text one.\n\nFeatured\n\nAn unrelated teaser.\n';
    const article = parseArticle('a.txt', text, { source: 'a.txt', title: 'Headline here', bodyEndsBefore: 'Featured' });
    expect(article.paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(['Body text one.']);
  });

  it('reports a missing corpus folder by name', async () => {
    const missing = path.join(os.tmpdir(), 'faqbot-no-such-folder');
    await expect(loadEngine(missing)).rejects.toThrow(CorpusError);
    await expect(loadEngine(missing)).rejects.toThrow(missing);
  });

  it('answers from an article no curated entry covers (generated entries)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-gen-'));
    fs.writeFileSync(path.join(dir, 'tesla.md'), '# Nikola Tesla\n\nNikola Tesla was born in 1856 in Smiljan. He moved to New York in 1884.\n\nTesla worked for Thomas Edison before founding his own laboratory.\n');
    const engine = await loadEngine(dir);
    const answer = engine.ask('When was Nikola Tesla born?');
    expect(answer.status).toBe('answered');
    expect(answer.citations[0]!.quote).toContain('1856');
    expect(answer.citations[0]!.source).toBe('tesla.md');
    expect(engine.ask('How do I bake bread?').status).toBe('unknown');
  });
});
