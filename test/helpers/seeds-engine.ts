import path from 'node:path';
import type { Engine } from '../../src/engine.ts';
import { loadEngine, type LoadEngineOptions } from '../../src/load-engine.ts';

/** The project's seed corpus. Tests never edit it: a test that changes articles or faq.yml copies it first. */
export const SEEDS = path.resolve('seeds');

let seeds: Promise<Engine> | undefined;

/**
 * The engine over seeds/, built once per test worker and shared by every file the worker runs
 * (vitest runs files without isolation, see vitest.config.ts): building it is about half a second
 * of CPU, and dozens of files and bot starts would otherwise each build their own. Engines are
 * values: nothing a test does to one changes the answers another test gets.
 */
export function seedsEngine(): Promise<Engine> {
  seeds ??= loadEngine(SEEDS);
  return seeds;
}

/**
 * For `serve()`'s `loadEngine`: the shared seeds engine for seeds/ as it is, a fresh load for any
 * other folder (the copies that reload tests edit) or with curators' changes overlaid.
 */
export function loadEngineSharingSeeds(corpusDir: string, options: LoadEngineOptions = {}): Promise<Engine> {
  const plain = (options.curations?.length ?? 0) === 0;
  return plain && path.resolve(corpusDir) === SEEDS ? seedsEngine() : loadEngine(corpusDir, options);
}
