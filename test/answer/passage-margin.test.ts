import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/load-corpus.ts';
import { buildEngine } from '../../src/load-engine.ts';

const filler = 'The committee met often and discussed many general matters of routine administration at length.';
const lisbon = `# Harbour\n\n${filler} The harbour master of Lisbon inspected the northern pier every spring. ${filler}\n`;
const gardens = `# Gardens\n\nThe gardens grow roses, tulips and lilies along the eastern wall. ${filler}\n`;
const porto = `# Ports\n\nThe harbour master of Porto inspected the southern pier every autumn. ${filler}\n`;

function engineOf(...texts: string[]) {
  return buildEngine({ corpus: { dir: '.', articles: texts.map((text, i) => parseArticle(`${i}.md`, text)) }, curated: [] });
}

describe('a passage answer against the other articles', () => {
  it('answers from the one article that says it, but not when another article says as much of something else', () => {
    const question = 'Who inspected the pier?';
    const alone = engineOf(lisbon, gardens).ask(question);
    expect(alone.status).toBe('answered');
    expect(alone.citations[0]?.quote).toContain('Lisbon');
    // Porto's harbour master inspected a pier too: which one is meant, the question does not say.
    const contested = engineOf(lisbon, porto).ask(question);
    expect(contested.status).toBe('unknown');
    expect(contested.suggestions.length).toBeGreaterThan(0);
  });

  it('still answers a question that names what tells the two apart', () => {
    const asked = engineOf(lisbon, porto).ask('Which harbour master inspected the pier every spring?');
    expect(asked.status).toBe('answered');
    expect(asked.citations[0]?.quote).toContain('Lisbon');
  });
});
