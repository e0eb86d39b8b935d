import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A corpus's calibration (FaqIndex's `uncoveredConfidence`) kept between runs, next to the parsed
 * faq.yml cache. Calibrating asks every curated phrasing with its own entry left out: about two
 * thirds of building the seeds index, so most of `faqbot ask`'s start-up. The value depends on the
 * corpus, the FAQ and the matching code only, so it is keyed by all three: the compiled build's
 * `.tsbuildinfo` (it changes with any source file) and a hash of the inputs. Running from the
 * sources (tests, tsx) there is no build info, so nothing is cached and every run calibrates.
 */
const CACHE_DIR = fileURLToPath(new URL('../node_modules/.cache/faqbot/', import.meta.url));
const BUILD_INFO = fileURLToPath(new URL('./.tsbuildinfo', import.meta.url));

/** The cache key for these inputs, or null when this is not a compiled build. */
export async function calibrationKey(inputs: unknown): Promise<string | null> {
  const build = await fs.readFile(BUILD_INFO).catch(() => null);
  if (build === null) return null;
  return createHash('sha256').update(build).update('\0').update(JSON.stringify(inputs)).digest('hex').slice(0, 32);
}

export async function readCalibration(key: string | null): Promise<number | undefined> {
  if (key === null) return undefined;
  const text = await fs.readFile(path.join(CACHE_DIR, `calibration-${key}.json`), 'utf8').catch(() => null);
  if (text === null) return undefined;
  try {
    const value = (JSON.parse(text) as { uncoveredConfidence?: unknown } | null)?.uncoveredConfidence;
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  } catch {
    // A damaged cache file is no reason not to start: calibrate again (and overwrite it).
    return undefined;
  }
}

/** Best effort, written whole then renamed (two processes may race); a read-only install calibrates every time. */
export async function writeCalibration(key: string | null, uncoveredConfidence: number): Promise<void> {
  if (key === null) return;
  const file = path.join(CACHE_DIR, `calibration-${key}.json`);
  const partial = `${file}.${process.pid}`;
  await fs
    .mkdir(CACHE_DIR, { recursive: true })
    .then(() => fs.writeFile(partial, JSON.stringify({ uncoveredConfidence })))
    .then(() => fs.rename(partial, file))
    .catch(() => undefined);
}
