import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.ts';

const README = fs.readFileSync('README.md', 'utf8');

/** Paths the README names: markdown link targets and `eval`/`--corpus`/`draft` arguments in its commands. */
function pathsNamed(text: string): string[] {
  const links = [...text.matchAll(/\]\(([^)#\s]+)\)/g)].map((m) => m[1]!).filter((target) => !/^[a-z]+:/.test(target));
  const commandArgs = [...text.matchAll(/faqbot (?:eval|draft) ([^\s`]+)/g)].map((m) => m[1]!).filter((arg) => !/[A-Z]{3}/.test(arg));
  return [...links, ...commandArgs];
}

describe('a newcomer with only this repository', () => {
  it('finds every file the README names inside it, none outside', () => {
    const named = pathsNamed(README);
    expect(named).toContain('eval/seeds.jsonl');
    expect(named).toContain('docs/how-it-works.md');
    for (const target of named) {
      expect(path.relative('.', path.resolve(target)), target).not.toMatch(/^\.\./);
      expect(fs.existsSync(target), target).toBe(true);
    }
    expect(README).not.toMatch(/\.\.\/shared|DESIGN\.md/);
  });

  it('can run the README\'s eval of the seeds: every line a well-formed case, the summary last', async () => {
    const cases = fs.readFileSync('eval/seeds.jsonl', 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { q: unknown; any: unknown; kind: unknown });
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const c of cases) {
      expect(typeof c.q).toBe('string');
      expect(c.any === null || (Array.isArray(c.any) && c.any.every((a) => typeof a === 'string'))).toBe(true);
      expect(typeof c.kind).toBe('string');
    }
    const { code, stdout } = await runCli(['eval', 'eval/seeds.jsonl', '--corpus', 'seeds']);
    expect(code).toBe(0);
    const last = stdout.trimEnd().split('\n').at(-1)!;
    expect(last).toMatch(/^eval: in-scope \d+\/\d+ \(\d+(\.\d)?%\), out-of-scope refused \d+\/\d+ \(\d+(\.\d)?%\)$/);
    const inScope = cases.filter((c) => c.any !== null).length;
    expect(last).toContain(`/${inScope} `);
  });

  it('has the maintainer notes in the repository: layers, boundaries and the contracts', () => {
    const notes = fs.readFileSync('docs/how-it-works.md', 'utf8');
    for (const heading of ['## The layers and their boundaries', '## Contracts other tools rely on']) expect(notes).toContain(heading);
    for (const contract of ['npm start', 'faqbot ask', 'faqbot eval', 'faqbot check', 'SLACK_API_URL', 'FAQBOT_CORPUS']) expect(notes).toContain(contract);
  });
});
