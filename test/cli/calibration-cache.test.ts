import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySeeds } from '../runtime/helpers/temp-corpus.ts';

const CACHE = path.resolve('node_modules/.cache/faqbot');
/**
 * The cache file of this corpus exactly, by the key the compiled build computes: other test files
 * running at the same time write calibrations of their own corpora into the same folder.
 */
function cacheFileOf(corpus: string): string {
  const script = `const m = await import(${JSON.stringify(path.resolve('dist/load-engine.js'))}); console.log(await m.calibrationKeyOf(await m.loadCuratedCorpus(${JSON.stringify(corpus)})));`;
  const key = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } }).trim();
  expect(key).toMatch(/^[0-9a-f]{32}$/);
  return path.join(CACHE, `calibration-${key}.json`);
}

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
    const firstFile = cacheFileOf(corpus);
    expect(fs.existsSync(firstFile)).toBe(false);
    const first = ask(corpus, question);
    expect(status(first)).toBe('answered');
    expect(fs.existsSync(firstFile)).toBe(true);
    const written = fs.statSync(firstFile).mtimeMs;
    expect(ask(corpus, question)).toBe(first);
    // Read, not calibrated and written again.
    expect(fs.statSync(firstFile).mtimeMs).toBe(written);

    // Another phrasing in faq.yml is another corpus: calibrated anew, never the cached value of the old one.
    addVariant('Is Microsoft now an OpenStack member?');
    const secondFile = cacheFileOf(corpus);
    expect(secondFile).not.toBe(firstFile);
    expect(ask(corpus, question)).toBe(first);
    expect(fs.existsSync(secondFile)).toBe(true);
    // The stored value is what the next start uses (a planted one shows it is read, not recomputed).
    const loadedCalibration = (): number =>
      Number(
        execFileSync(process.execPath, ['--input-type=module', '-e', `const { loadEngine } = await import(${JSON.stringify(path.resolve('dist/load-engine.js'))}); console.log((await loadEngine(${JSON.stringify(corpus)})).uncoveredConfidence);`], {
          encoding: 'utf8',
          env: { PATH: process.env['PATH'] ?? '' },
        }).trim(),
      );
    fs.writeFileSync(secondFile, JSON.stringify({ uncoveredConfidence: 0.123 }));
    expect(loadedCalibration()).toBe(0.123);

    // A damaged cache file is calibrated anew, never a failed start.
    for (const file of [firstFile, secondFile]) fs.writeFileSync(file, '{"uncoveredConf');
    expect(ask(corpus, question)).toBe(first);
    for (const file of [firstFile, secondFile]) fs.rmSync(file, { force: true });
  }, 120_000);
});
