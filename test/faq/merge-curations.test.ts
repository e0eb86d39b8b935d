import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeCurations } from '../../src/faq/merge-curations.ts';
import { loadEngine } from '../../src/load-engine.ts';
import type { Curation } from '../../src/store/store.ts';
import { runCli } from '../helpers/run-cli.ts';

const QUOTE = 'Microsoft is joining OpenStack through the integration of Hyper-V, its virtualization technology.';
const curations: Curation[] = [
  { id: 1, kind: 'phrasing', entryId: 'what-is-hyper-v', question: 'how much does hyperv cost', suggestionId: null, by: 'U', at: 1 },
  { id: 2, kind: 'entry', entryId: 'who-brings-hyper-v', question: 'Who brings Hyper-V to OpenStack?', answer: 'Microsoft does.', citations: [{ source: '000_b55cda4abeb78742.txt', quote: QUOTE }], suggestionId: null, by: 'U', at: 2 },
  { id: 3, kind: 'phrasing', entryId: 'who-brings-hyper-v', question: 'who is bringing hyperv', suggestionId: null, by: 'U', at: 3 },
  { id: 4, kind: 'phrasing', entryId: 'removed-entry', question: 'gone', suggestionId: null, by: 'U', at: 4 },
];

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('curate export: merging curations into faq.yml', () => {
  it('adds phrasings and new entries, keeps everything else byte for byte, and check passes the result', async () => {
    const source = fs.readFileSync('seeds/faq.yml', 'utf8');
    const { text, added } = mergeCurations('faq.yml', source, curations);
    expect(added).toBe(3);
    const lines = text.split('\n');
    const phrasing = lines.indexOf('      - how much does hyperv cost');
    expect(lines[phrasing - 1]).toBe('      - Whose virtualization technology is Hyper-V?');
    const entry = lines.indexOf('  - id: who-brings-hyper-v');
    expect(lines.slice(entry)).toEqual([
      '  - id: who-brings-hyper-v',
      '    question: Who brings Hyper-V to OpenStack?',
      '    variants:',
      '      - who is bringing hyperv',
      '    answer: Microsoft does.',
      '    citations:',
      '      - source: 000_b55cda4abeb78742.txt',
      `        quote: "${QUOTE}"`,
      '',
    ]);
    // Nothing else changed: without the added lines it is the file as it was, comments and \u00a0 spellings included.
    expect([...lines.slice(0, phrasing), ...lines.slice(phrasing + 1, entry), ''].join('\n')).toBe(source.endsWith('\n') ? source : `${source}\n`);
    // Merging again adds nothing (a phrasing already there, in any case, is left alone).
    expect(mergeCurations('faq.yml', text, [...curations, { ...curations[0]!, id: 5, question: 'How much does HyperV cost' }]).added).toBe(0);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-export-'));
    dirs.push(dir);
    fs.cpSync('seeds', dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'faq.yml'), text);
    const check = await runCli(['check', '--corpus', dir], { env: { FAQBOT_DB: path.join(dir, 'none.db') } });
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/check: ok — 2 articles, 18 paragraphs, 53 curated entries/);
    // The bot, still holding the same curations in its store, finds them all in the file: only the stale one is reported.
    const warnings: string[] = [];
    const engine = await loadEngine(dir, { curations, warn: (m) => warnings.push(m) });
    expect(warnings).toEqual(['Curation 4 skipped: there is no curated entry "removed-entry".']);
    expect(engine.answerEntry('who-brings-hyper-v')?.answer).toBe('Microsoft does.');
  });

  it('writes a faq.yml for a corpus that had none', () => {
    const { text } = mergeCurations('faq.yml', '', curations.slice(1, 3));
    expect(text).toBe(
      `entries:\n  - id: who-brings-hyper-v\n    question: Who brings Hyper-V to OpenStack?\n    variants:\n      - who is bringing hyperv\n    answer: Microsoft does.\n    citations:\n      - source: 000_b55cda4abeb78742.txt\n        quote: "${QUOTE}"\n`,
    );
  });
});
