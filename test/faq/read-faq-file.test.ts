import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FaqFileError } from '../../src/errors.ts';
import { readFaqFile } from '../../src/faq/read-faq-file.ts';

const entry = (id: string): string => `  - id: ${id}\n    question: What is ${id}?\n    answer: It is ${id}.\n    citations:\n      - source: a.txt\n        quote: "${id} is a thing."\n`;

describe('readFaqFile and its parse cache', () => {
  it('reads what the file says now: an edit, even back and forth, is never answered from a stale parse', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-cache-')), 'faq.yml');
    const ids = async (): Promise<string[]> => (await readFaqFile(file)).entries.map((e) => e.id);
    fs.writeFileSync(file, `entries:\n${entry('alpha')}`);
    expect(await ids()).toEqual(['alpha']);
    expect(await ids()).toEqual(['alpha']);
    fs.writeFileSync(file, `entries:\n${entry('alpha')}${entry('beta')}`);
    expect(await ids()).toEqual(['alpha', 'beta']);
    fs.writeFileSync(file, `entries:\n${entry('alpha')}`);
    expect(await ids()).toEqual(['alpha']);
    expect((await readFaqFile(file)).file).toBe(file);
  });

  it('reports a broken file on every read, not only the first', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-cache-')), 'faq.yml');
    fs.writeFileSync(file, `entries:\n  - id: Not Kebab\n    question: q\n    answer: a\n    citations: []\n`);
    await expect(readFaqFile(file)).rejects.toBeInstanceOf(FaqFileError);
    await expect(readFaqFile(file)).rejects.toThrow(/kebab-case/);
  });
});
