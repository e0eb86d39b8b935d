import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCuratedCorpus } from '../../src/load-engine.ts';
import { runCli } from '../helpers/run-cli.ts';

const SEEDS = path.resolve('seeds');
const ARTICLE_003 = '003_964dbca33fe16450.txt';

interface DraftedEntry {
  id: string;
  question: string;
  variants: string[];
  answer: string;
  citations: Array<{ source: string; quote: string }>;
}

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `faqbot-draft-${prefix}-`));
}

function copyOfSeeds(): string {
  const dir = tempDir('seeds');
  for (const name of fs.readdirSync(SEEDS)) fs.copyFileSync(path.join(SEEDS, name), path.join(dir, name));
  return dir;
}

/** The drafted entries, read back the way faq.yml is read: under `entries:`. */
function entriesOf(draft: string): DraftedEntry[] {
  return (parse(`entries:\n${draft}`) as { entries: DraftedEntry[] }).entries;
}

/** The commented `articles:` item of the header, uncommented. */
function articleItemOf(draft: string): string {
  const lines = draft.split('\n');
  const start = lines.findIndex((l) => /^# {3}- source: /.test(l));
  const item: string[] = [];
  for (let i = start; i >= 0 && i < lines.length && /^# {3}[ -]/.test(lines[i]!); i++) item.push(lines[i]!.slice(4));
  return item.join('\n');
}

describe('faqbot draft', () => {
  it('drafts 003 so that, pasted under entries: in faq.yml, every quote verifies (faqbot check passes)', async () => {
    const corpus = copyOfSeeds();
    const { code, stdout, stderr } = await runCli(['draft', ARTICLE_003, '--corpus', corpus]);
    expect(stderr).toBe('');
    expect(code).toBe(0);

    const drafted = entriesOf(stdout);
    expect(drafted.length).toBeGreaterThanOrEqual(9);
    expect(drafted.map((e) => e.question)).toContain('Who is Ted MacLean?');
    expect(new Set(drafted.map((e) => e.id)).size).toBe(drafted.length);
    for (const entry of drafted) expect(entry.variants.length, entry.id).toBeGreaterThanOrEqual(3);
    expect(stdout).not.toMatch(/Gemini|Agentic AI Foundation|Maia 200/);

    expect(stdout).toContain(`paste the entries below under \`entries:\` in ${path.join(corpus, 'faq.yml')}, then run \`npx faqbot check --corpus ${corpus}\``);
    const faqFile = path.join(corpus, 'faq.yml');
    fs.appendFileSync(faqFile, `\n${stdout}`);
    const { curated } = await loadCuratedCorpus(corpus);
    const before = (await loadCuratedCorpus(SEEDS)).curated.length;
    expect(curated.length).toBe(before + drafted.length);
    const check = await runCli(['check', '--corpus', corpus]);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^check: ok/m);
  });

  it('writes no-break spaces as \\u00a0 escapes that read back as the article text', async () => {
    const { stdout } = await runCli(['draft', path.join(SEEDS, ARTICLE_003), '--corpus', SEEDS]);
    expect(stdout).toContain('commercial \\u00a0hypervisor');
    expect(stdout).not.toContain('\u00a0');
    const quotes = entriesOf(stdout).flatMap((e) => e.citations.map((c) => c.quote));
    expect(quotes).toContain('Microsoft recently announced a partnership with Cloud.com to help integrate its commercial \u00a0hypervisor into the open source\u00a0OpenStack project.');
  });

  it('heads the output with how to use it and the article item, which is valid under articles:', async () => {
    const { stdout } = await runCli(['draft', ARTICLE_003, '--corpus', SEEDS]);
    expect(stdout).toMatch(/^# faqbot draft: /);
    expect(stdout).toContain('npx faqbot check');
    const item = parse(`articles:\n${articleItemOf(stdout)}`) as { articles: unknown[] };
    expect(item.articles).toEqual([{ source: ARTICLE_003, title: 'Hyper-V To Be Integrated in OpenStack', body_ends_before: 'About the Author' }]);
  });

  it('drafts a whole faq.yml for a corpus with no curation: saved as it is, check --corpus accepts it', async () => {
    const corpus = tempDir('new');
    const file = path.join(corpus, 'widgets.md');
    fs.writeFileSync(
      file,
      [
        '# Widgetry Opens in Lyon',
        '',
        'Widgetry was founded by engineer Ada Lovelace using “smart” spare parts from a mill. The company makes widgets for clocks.',
        '',
        'In 1998, Widgetry opened a second factory in Lyon. It is one of more than 40 companies that have signed the widget charter.',
        '',
        '"We wanted to build near the river," said Mira Patel, chief engineer of Widgetry, at the opening.',
        '',
        'However, sprocket lubrication remains a problem. Without sprocket lubrication the gears grind within hours.',
        '',
      ].join('\n'),
    );
    const { code, stdout } = await runCli(['draft', file, '--corpus', corpus]);
    expect(code).toBe(0);
    expect(stdout).toContain(`save this as ${path.join(corpus, 'faq.yml')} (a complete faq.yml), then run \`npx faqbot check --corpus ${corpus}\``);
    // The body_ends_before hint sits, commented out, in the article's item.
    expect(stdout).toMatch(/^articles:\n {2}- source: widgets\.md\n {4}title: Widgetry Opens in Lyon\n {4}# body_ends_before: /m);
    const whole = parse(stdout) as { articles: unknown[]; entries: DraftedEntry[] };
    expect(whole.articles).toEqual([{ source: 'widgets.md', title: 'Widgetry Opens in Lyon' }]);
    const drafted = whole.entries;
    expect(drafted.map((e) => e.question)).toEqual(
      expect.arrayContaining(['Who founded Widgetry?', 'When did Widgetry open a second factory in Lyon?', 'Who is Mira Patel?', 'How many companies have signed the widget charter?']),
    );
    expect(drafted.find((e) => e.citations.some((c) => c.quote.includes('“smart”')))).toBeDefined();

    fs.writeFileSync(path.join(corpus, 'faq.yml'), stdout);
    const check = await runCli(['check', '--corpus', corpus]);
    expect(check.stderr).toBe('');
    expect(check.stdout).toMatch(/^check: ok — 1 articles, 4 paragraphs, \d+ curated entries/m);
    const { corpus: loaded, curated } = await loadCuratedCorpus(corpus);
    expect(loaded.articles[0]!.title).toBe('Widgetry Opens in Lyon');
    expect(curated.map((e) => e.id)).toEqual(drafted.map((e) => e.id));
    const covered = new Set(curated.flatMap((e) => e.citations.map((c) => c.paragraph)));
    expect([...covered].sort()).toEqual([1, 2, 3, 4]);
  });

  it('drafts ids that do not collide with the ids faq.yml already has', async () => {
    const corpus = copyOfSeeds();
    const first = await runCli(['draft', ARTICLE_003, '--corpus', corpus]);
    fs.appendFileSync(path.join(corpus, 'faq.yml'), `\n${first.stdout}`);
    const second = await runCli(['draft', ARTICLE_003, '--corpus', corpus]);
    fs.appendFileSync(path.join(corpus, 'faq.yml'), `\n${second.stdout}`);
    await expect(loadCuratedCorpus(corpus)).resolves.toBeDefined();
  });

  it('names the file it could not find (exit 1), and needs exactly one FILE (exit 2)', async () => {
    const missing = await runCli(['draft', 'no-such-article.txt', '--corpus', SEEDS]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no-such-article.txt');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    expect((await runCli(['draft', '--corpus', SEEDS])).code).toBe(2);
  });
});
