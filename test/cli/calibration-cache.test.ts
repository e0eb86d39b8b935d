import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySeeds } from '../runtime/helpers/temp-corpus.ts';

const CACHE = path.resolve('node_modules/.cache/faqbot');
const calibrations = (): string[] => (fs.existsSync(CACHE) ? fs.readdirSync(CACHE).filter((f) => f.startsWith('calibration-')) : []);

/** `faqbot ask --json` as an operator runs it: the compiled build, a fresh process each time. */
function ask(corpus: string, questions: string): string {
  return execFileSync(process.execPath, ['bin/faqbot.js', 'ask', '--json', '--corpus', corpus], { input: questions, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });
}

describe('the calibration cache (compiled build)', () => {
  it('the first start stores its calibration and a second answers the same; a changed FAQ is calibrated anew', () => {
    const corpus = copySeeds();
    const faq = path.join(corpus, 'faq.yml');
    const addVariant = (variant: string): void => fs.writeFileSync(faq, fs.readFileSync(faq, 'utf8').replace('      - Has Microsoft joined OpenStack?\n', `      - Has Microsoft joined OpenStack?\n      - ${variant}\n`));
    // A phrasing of this run's own, so the corpus is one no earlier run calibrated.
    addVariant(`Is Microsoft in OpenStack (${process.pid}-${Date.now()})?`);
    const question = 'Who founded OpenStack?\n';
    const status = (out: string): string => (JSON.parse(out) as { status: string }).status;
    const before = new Set(calibrations());
    const first = ask(corpus, question);
    expect(status(first)).toBe('answered');
    const made = calibrations().filter((f) => !before.has(f));
    expect(made).toHaveLength(1);
    expect(ask(corpus, question)).toBe(first);

    expect(calibrations().filter((f) => !before.has(f))).toEqual(made);

    // Another phrasing in faq.yml is another corpus: calibrated anew, never the cached value of the old one.
    addVariant('Is Microsoft now an OpenStack member?');
    expect(ask(corpus, question)).toBe(first);
    const after = calibrations().filter((f) => !before.has(f));
    expect(after).toHaveLength(2);
    // The stored value is what the next start uses (a planted one shows it is read, not recomputed).
    const loadedCalibration = (): number =>
      Number(
        execFileSync(process.execPath, ['--input-type=module', '-e', `const { loadEngine } = await import(${JSON.stringify(path.resolve('dist/load-engine.js'))}); console.log((await loadEngine(${JSON.stringify(corpus)})).uncoveredConfidence);`], {
          encoding: 'utf8',
          env: { PATH: process.env['PATH'] ?? '' },
        }).trim(),
      );
    const current = after.find((file) => !made.includes(file))!;
    fs.writeFileSync(path.join(CACHE, current), JSON.stringify({ uncoveredConfidence: 0.123 }));
    expect(loadedCalibration()).toBe(0.123);

    // A damaged cache file is calibrated anew, never a failed start.
    for (const file of after) fs.writeFileSync(path.join(CACHE, file), '{"uncoveredConf');
    expect(ask(corpus, question)).toBe(first);
    for (const file of after) fs.rmSync(path.join(CACHE, file));
  }, 120_000);
});
