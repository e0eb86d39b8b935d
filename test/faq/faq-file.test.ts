import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FaqFileError } from '../../src/errors.ts';
import { loadEngine } from '../../src/load-engine.ts';
import { runCli } from '../helpers/run-cli.ts';

function copySeeds(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-seeds-'));
  for (const f of fs.readdirSync('seeds')) fs.copyFileSync(path.join('seeds', f), path.join(dir, f));
  return dir;
}

describe('faq.yml', () => {
  it('has 40+ entries that cover every body paragraph of the seed articles', async () => {
    const { code, stdout } = await runCli(['check', '--corpus', 'seeds']);
    expect(code).toBe(0);
    const coverage = [...stdout.matchAll(/(\d+) paragraphs, (\d+) covered/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(coverage.length).toBe(2);
    for (const [total, covered] of coverage) expect(covered).toBe(total);
    expect(Number(/(\d+) curated entries/.exec(stdout)?.[1])).toBeGreaterThanOrEqual(40);
  });

  it('fails check on a corrupted quote, naming the file, the entry and the line', async () => {
    const dir = copySeeds();
    const file = path.join(dir, 'faq.yml');
    const yaml = fs.readFileSync(file, 'utf8');
    const target = 'the open cloud initiative started by Rackspace and NASA';
    const line = yaml.split('\n').findIndex((l) => l.includes(target) && l.includes('quote:')) + 1;
    fs.writeFileSync(file, yaml.replace(`quote: "Microsoft is joining OpenStack, ${target}`, `quote: "Microsoft is joining OpenStack, the closed cloud initiative started by Rackspace and NASA`));
    const { code, stderr } = await runCli(['check', '--corpus', dir]);
    expect(code).toBe(1);
    expect(stderr).toContain(`faq.yml:${line}:`);
    expect(stderr).toContain('entry "microsoft-joins-openstack"');
    expect(stderr).toContain('not found verbatim');
  });

  it('rejects malformed YAML and missing fields with the file and line', async () => {
    const dir = copySeeds();
    fs.writeFileSync(path.join(dir, 'faq.yml'), 'entries:\n  - id: ok-entry\n    question: Q?\n    answer: A.\n    citations: []\n  - id: Bad Id\n    question: [unclosed\n');
    await expect(loadEngine(dir)).rejects.toThrow(FaqFileError);
    await expect(loadEngine(dir)).rejects.toThrow(/faq\.yml:\d+: YAML syntax error/);
    fs.writeFileSync(path.join(dir, 'faq.yml'), 'entries:\n  - id: no-answer\n    question: What?\n    citations:\n      - source: nope.txt\n        quote: x\n');
    await expect(loadEngine(dir)).rejects.toThrow(/faq\.yml:2: entry "no-answer": missing "answer"/);
  });

  it('reports a YAML syntax error at the line the parser gives, not line 1', async () => {
    const dir = copySeeds();
    fs.writeFileSync(path.join(dir, 'faq.yml'), 'articles:\n  - source: 000_b55cda4abeb78742.txt\n    title: T\nentries:\n  - id: x\n    question: a: b\n    answer: y\n');
    const { code, stderr } = await runCli(['check', '--corpus', dir]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${path.join(dir, 'faq.yml')}:6: YAML syntax error: Nested mappings are not allowed`);
    expect(stderr).not.toMatch(/faq\.yml:1:/);
  });

  it('check reports every problem in one run: a bad id, a missing field, an unknown source and a quote not found, in line order', async () => {
    const dir = copySeeds();
    fs.writeFileSync(
      path.join(dir, 'faq.yml'),
      [
        'entries:',
        '  - id: Bad Id',
        '    question: Who founded OpenStack?',
        '    answer: Rackspace.',
        '    citations:',
        '      - source: nope.txt',
        '        quote: Rackspace',
        '  - id: no-answer',
        '    question: What?',
        '    citations:',
        '      - source: 000_b55cda4abeb78742.txt',
        '        quote: Microsoft is joining OpenStack',
        '  - id: misquoted',
        '    question: Who?',
        '    answer: Someone.',
        '    citations:',
        '      - source: 000_b55cda4abeb78742.txt',
        '        quote: Microsoft is leaving OpenStack',
        '',
      ].join('\n'),
    );
    const { code, stderr } = await runCli(['check', '--corpus', dir]);
    expect(code).toBe(1);
    const file = path.join(dir, 'faq.yml');
    const lines = stderr.split('\n').filter((l) => l.includes(`${file}:`));
    expect(lines.map((l) => l.slice(l.indexOf(file)).split(':')[1])).toEqual(['2', '7', '8', '18']);
    expect(stderr).toContain(`${file}:2: entry "Bad Id": id must be kebab-case`);
    expect(stderr).toContain(`${file}:7: entry "Bad Id": source "nope.txt" is not an article`);
    expect(stderr).toContain(`${file}:8: entry "no-answer": missing "answer"`);
    expect(stderr).toContain(`${file}:18: entry "misquoted": quote not found verbatim`);
  });

  it('rejects a quote taken from the page chrome', async () => {
    const dir = copySeeds();
    fs.writeFileSync(
      path.join(dir, 'faq.yml'),
      `articles:\n  - source: 003_964dbca33fe16450.txt\n    body_ends_before: Featured\nentries:\n  - id: chrome\n    question: Maia?\n    answer: A chip.\n    citations:\n      - source: 003_964dbca33fe16450.txt\n        quote: "Microsoft recently introduced Maia 200"\n`,
    );
    await expect(loadEngine(dir)).rejects.toThrow(/faq\.yml:10: entry "chrome": quote is not inside one body paragraph/);
  });
});

describe('synonyms in faq.yml', () => {
  it('lets a question word match the corpus word it stands for', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-syn-'));
    fs.writeFileSync(
      path.join(dir, 'ford.md'),
      '# Ford\n\nThe Model T car went on sale in 1908 and sold for decades.\n\nHenry Ford founded his company in Detroit.\n\nThe assembly line cut production time sharply.\n',
    );
    const before = await loadEngine(dir);
    expect(before.ask('When was the Model T flivver on sale?').score).toBeLessThan(1);
    fs.writeFileSync(path.join(dir, 'faq.yml'), 'synonyms:\n  - [flivver, car]\n');
    const after = await loadEngine(dir);
    const answer = after.ask('When was the Model T flivver on sale?');
    expect(answer.status).toBe('answered');
    expect(answer.score).toBeGreaterThan(before.ask('When was the Model T flivver on sale?').score);
    expect(answer.citations[0]!.quote).toContain('1908');
  });

  it('rejects a synonym group that is not a list of words, with its line', async () => {
    const dir = copySeeds();
    fs.writeFileSync(path.join(dir, 'faq.yml'), 'synonyms:\n  - car\n');
    await expect(loadEngine(dir)).rejects.toThrow(/faq\.yml:2: synonyms: each item must be a list/);
  });
});
