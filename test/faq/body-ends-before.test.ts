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
    const dir = seedsWith((faq) => faq.replace('body_ends_before: "Featured"', 'body_ends_before: "Featurd"'));
    const line = fs.readFileSync(path.join(dir, 'faq.yml'), 'utf8').split('\n').findIndex((l) => l.includes('source: 003_964dbca33fe16450.txt') && !l.includes('quote')) + 1;
    const result = await runCli(['check', '--corpus', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr + result.stdout).toContain(`${path.join(dir, 'faq.yml')}:${line}: article "003_964dbca33fe16450.txt": body_ends_before "Featurd" matches no line of 003_964dbca33fe16450.txt`);
  });
});
