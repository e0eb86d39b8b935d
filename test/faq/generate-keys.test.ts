import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArticle } from '../../src/corpus/load-corpus.ts';
import { generateKeys } from '../../src/faq/generate-keys.ts';
import { loadEngine } from '../../src/load-engine.ts';

const article003 = parseArticle('003.txt', fs.readFileSync('seeds/003_964dbca33fe16450.txt', 'utf8'), { source: '003.txt', bodyEndsBefore: 'About the Author' });

describe('generated entries for an article nobody curated', () => {
  it('draws "Who is X?" from an appositive and "Who founded X?" from a passive', () => {
    const questions = generateKeys([article003], new Set()).map((k) => k.question);
    expect(questions).toContain('Who is Ted MacLean?');
    expect(questions).toContain('Who founded OpenStack?');
  });

  it('skips paragraphs a curated entry already covers', () => {
    const ted = generateKeys([article003], new Set()).find((k) => k.question === 'Who is Ted MacLean?')!;
    const keys = generateKeys([article003], new Set([`003.txt#${ted.paragraph}`]));
    expect(keys.map((k) => k.question)).not.toContain('Who is Ted MacLean?');
  });

  it('answers the generated question with its short answer and the verbatim sentence', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-uncurated-'));
    fs.copyFileSync('seeds/003_964dbca33fe16450.txt', path.join(dir, '003.txt'));
    const engine = await loadEngine(dir);
    const answer = engine.ask('Who is Ted MacLean?');
    expect(answer.status).toBe('answered');
    expect(answer.answer).toBe("Ted MacLean is general manager of Microsoft's Open Solutions Group.");
    expect(answer.citations[0]!.quote).toContain('stated Ted MacLean, general manager');
    expect(fs.readFileSync(path.join(dir, '003.txt'), 'utf8')).toContain(answer.citations[0]!.quote);
  });
});
