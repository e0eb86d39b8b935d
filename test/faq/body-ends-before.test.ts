import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

function seedsWith(edit: (faq: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-chrome-'));
  for (const file of fs.readdirSync('seeds')) fs.copyFileSync(path.join('seeds', file), path.join(dir, file));
  fs.writeFileSync(path.join(dir, 'faq.yml'), edit(fs.readFileSync(path.join(dir, 'faq.yml'), 'utf8')));
  return dir;
}

describe('body_ends_before', () => {
  it('the seeds as shipped pass check', async () => {
    expect((await runCli(['check', '--corpus', 'seeds'])).code).toBe(0);
  });

  it('a marker that matches no line of its article fails check, naming faq.yml, its line and the article', async () => {
    const dir = seedsWith((faq) => faq.replace('body_ends_before: "About the Author"', 'body_ends_before: "About the Autor"'));
    const line = fs.readFileSync(path.join(dir, 'faq.yml'), 'utf8').split('\n').findIndex((l) => l.includes('source: 003_964dbca33fe16450.txt') && !l.includes('quote')) + 1;
    const result = await runCli(['check', '--corpus', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr + result.stdout).toContain(`${path.join(dir, 'faq.yml')}:${line}: article "003_964dbca33fe16450.txt": body_ends_before "About the Autor" matches no line of 003_964dbca33fe16450.txt`);
  });
});

describe('an entry "about" an article, answered from its credits', () => {
  it('cannot also cite quotes, nor name an article the corpus lacks', async () => {
    const both = seedsWith((faq) => faq.replace('    about: 003_964dbca33fe16450.txt', '    about: 003_964dbca33fe16450.txt\n    citations:\n      - source: 003_964dbca33fe16450.txt\n        quote: "Microsoft also has a lab project devoted to testing interoperability with non-Microsoft products."'));
    const withQuotes = await runCli(['check', '--corpus', both]);
    expect(withQuotes.code).toBe(1);
    expect(withQuotes.stderr).toContain('entry "article-author": an entry "about" an article answers from its credits and has no citations');
    const unknown = await runCli(['check', '--corpus', seedsWith((faq) => faq.replace('    about: 003_964dbca33fe16450.txt', '    about: 009_nowhere.txt'))]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('entry "article-author": about "009_nowhere.txt" is not an article');
  });
});
