import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A private copy of seeds/ that a test may break and mend. Remove it with `fs.rmSync(dir, …)`. */
export function copySeeds(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-corpus-'));
  fs.cpSync(path.resolve('seeds'), dir, { recursive: true });
  return dir;
}

/** The faq.yml of `dir` with its first citation's quote replaced by text no article holds. */
export function breakFirstQuote(dir: string): void {
  const file = path.join(dir, 'faq.yml');
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, text.replace(/quote: .*/, 'quote: "words that appear in no article at all"'));
}
