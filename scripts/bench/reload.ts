/**
 * `npm run bench -- --reload [--runs N]`: how long a bot reload of seeds/ holds the serving thread,
 * the calibration on it (as every reload did before) against the calibration in a worker thread
 * (calibrateInWorker, what the bot's reloads do now). A probe timer ticks every millisecond while
 * the reload runs; the longest gap between ticks is the longest time an ack would have waited.
 * Medians over the rounds, after one warm-up round of each.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadEngine, type LoadEngineOptions } from '../../src/load-engine.ts';
import { calibrateInWorker } from '../../src/runtime/calibrate-in-worker.ts';
import { percentile } from './measure.ts';

/** The longest the event loop went without running the probe while `work` ran. */
async function longestBlock(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  try {
    await work();
  } finally {
    clearInterval(probe);
  }
  return Math.max(longest, performance.now() - last);
}

export async function benchReload(repo: string, runs: number): Promise<void> {
  const seeds = path.join(repo, 'seeds');
  const never = (): Promise<void> => new Promise<void>(() => undefined);
  const inWorker: LoadEngineOptions = { calibrate: () => calibrateInWorker({ corpusDir: seeds, curations: [], limit: never }) };
  const onThread: number[] = [];
  const offThread: number[] = [];
  for (let round = 0; round <= runs; round += 1) {
    const a = await longestBlock(() => loadEngine(seeds));
    const b = await longestBlock(() => loadEngine(seeds, inWorker));
    if (round === 0) continue; // warm-up
    onThread.push(a);
    offThread.push(b);
  }
  const before = percentile([...onThread].sort((x, y) => x - y), 0.5);
  const after = percentile([...offThread].sort((x, y) => x - y), 0.5);
  console.log(`reload of seeds/, longest block of the serving thread (median of ${runs}):`);
  console.log(`- calibration on the thread:  ${before.toFixed(1)} ms`);
  console.log(`- calibration in a worker:    ${after.toFixed(1)} ms`);
  console.log(`- ratio after/before:         ${(after / before).toFixed(2)}`);
}
