import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/run-cli.ts';

describe('faqbot ask', () => {
  it('prints one JSON line in the contract format', async () => {
    const { code, stdout } = await runCli(['ask', '--json', 'Who founded OpenStack?']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]!);
    expect(Object.keys(answer).sort()).toEqual(['answer', 'citations', 'question', 'score', 'status', 'suggestions']);
    expect(answer.status).toBe('answered');
    expect(Object.keys(answer.citations[0]).sort()).toEqual(['paragraph', 'quote', 'source', 'title']);
  });

  it('answers each line of standard input, one JSON line each', async () => {
    const { stdout } = await runCli(['ask', '--json'], { stdin: 'Who founded OpenStack?\n\nHow do I cook pasta?\n' });
    const answers = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(answers.map((a) => a.status)).toEqual(['answered', 'unknown']);
  });

  it('renders text with the quote, article title and paragraph number', async () => {
    const { stdout } = await runCli(['ask', 'What was NASA’s cloud platform called?']);
    expect(stdout).toMatch(/Nebula/);
    expect(stdout).toMatch(/— .+, paragraph \d+/);
  });

  it('uses FAQBOT_CORPUS and reports a missing folder without a stack trace', async () => {
    const { code, stderr } = await runCli(['ask', 'hello'], { env: { FAQBOT_CORPUS: '/nonexistent/faqbot' } });
    expect(code).toBe(1);
    expect(stderr).toContain('/nonexistent/faqbot');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects unknown commands and flags with usage (exit 2)', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
    const bad = await runCli(['ask', '--nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('usage: faqbot');
  });
});

describe('faqbot eval', () => {
  it('scores a question set per kind and ends with the summary line', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-eval-')), 'q.jsonl');
    fs.writeFileSync(
      file,
      [
        { q: 'Who founded OpenStack?', any: ['Rackspace'], kind: 'fact' },
        { q: 'Who founded OpenStack?', any: ['Zanzibar'], kind: 'fact' },
        { q: 'How do I cook pasta?', any: null, kind: 'oos' },
      ].map((x) => JSON.stringify(x)).join('\n'),
    );
    const { code, stdout } = await runCli(['eval', file]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toContain('fact         1/2 (50.0%)');
    expect(lines.at(-1)).toBe('eval: in-scope 1/2 (50.0%), out-of-scope refused 1/1 (100.0%)');
  });

  it('reports a bad line with its number', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-eval-')), 'bad.jsonl');
    fs.writeFileSync(file, '{"q":"ok","any":null,"kind":"oos"}\nnot json\n');
    const { code, stderr } = await runCli(['eval', file]);
    expect(code).toBe(1);
    expect(stderr).toContain('bad.jsonl:2');
  });
});

describe('the default corpus', () => {
  it("is the project's seeds/ wherever the command runs from", async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-cwd-'));
    const before = process.cwd();
    process.chdir(elsewhere);
    try {
      const { code, stdout } = await runCli(['ask', '--json', 'Who founded OpenStack?']);
      expect(code).toBe(0);
      expect(JSON.parse(stdout).citations[0].source).toMatch(/^00[03]_/);
    } finally {
      process.chdir(before);
    }
  });
});
