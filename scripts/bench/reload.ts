/**
 * `npm run bench -- --reload [--runs N] [--corpus DIR ...]`: how long a bot reload holds the
 * serving thread, for seeds/ and SQuAD half A (or the `--corpus` folders), three ways in one run
 * (and a floor):
 *
 * - all on the thread: read, build and calibrate there (the start-up build, and every reload once);
 * - calibration in a worker: the folder read and the index built on the thread with the worker's
 *   calibration (reloads until now);
 * - prepared in a worker: the worker reads the folder, generates keys and calibrates; the thread
 *   takes its result in small pieces and builds the index in time slices (what reloads do now);
 * - the worker alone, as the floor this machine sets: its result taken, nothing built (the serving
 *   thread only waits, so its longest gap is other threads and processes taking the cores).
 *
 * A probe timer ticks every millisecond while the reload runs; the longest gap between ticks is
 * the longest an ack would have waited (garbage collection and preemption by other threads and
 * processes included). For the prepared reload, also the longest slice of the build's own work
 * between two turns of the event loop. Medians over the rounds, after one warm-up round of each.
 */
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { buildEngine, loadCuratedCorpus, loadEngine } from '../../src/load-engine.ts';
import { prepareInWorker } from '../../src/runtime/prepare-in-worker.ts';
import { timeSlices } from '../../src/runtime/time-slices.ts';
import type { Pause } from '../../src/match/build-steps.ts';
import { percentile } from './measure.ts';

/** The longest the event loop went without running the probe while `work` ran, and how long `work` took. */
async function longestBlock(work: () => Promise<unknown>): Promise<{ block: number; total: number }> {
  const started = performance.now();
  let last = started;
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
  const end = performance.now();
  return { block: Math.max(longest, end - last), total: end - started };
}

const never = (): Promise<void> => new Promise<void>(() => undefined);

const WAYS = {
  'all on the thread': (dir: string) => loadEngine(dir),
  'calibration in a worker': async (dir: string) => {
    const pause = timeSlices();
    const [loaded, prepared] = await Promise.all([loadCuratedCorpus(dir), prepareInWorker({ corpusDir: dir, curations: [], limit: never, pause })]);
    return buildEngine(loaded, { uncoveredConfidence: prepared.uncoveredConfidence });
  },
  'the worker alone': (dir: string) => prepareInWorker({ corpusDir: dir, curations: [], limit: never, pause: timeSlices() }),
  'prepared in a worker': (dir: string) => {
    const pause = slicesMeasured();
    return loadEngine(dir, { prepare: () => prepareInWorker({ corpusDir: dir, curations: [], limit: never, pause }), pause });
  },
} as const;

/** The longest run of reload work between two turns of the event loop, in the last 'prepared in a worker' reload. */
let longestSlice = { wall: 0, cpu: 0 };

/**
 * timeSlices(), noting how long each slice of work ran (the first, which spans the worker's time,
 * is not work): wall clock, and CPU time bounded by it (the process's, which once the worker has
 * sent its result is the serving thread's and V8's helpers': a slice's cost without the time the
 * thread waited for a core).
 */
function slicesMeasured(): Pause {
  const inner = timeSlices();
  let started: { wall: number; cpu: NodeJS.CpuUsage } | undefined;
  longestSlice = { wall: 0, cpu: 0 };
  return () => {
    const wait = inner();
    if (!wait) return undefined;
    if (started !== undefined) {
      const wall = performance.now() - started.wall;
      const used = process.cpuUsage(started.cpu);
      longestSlice = { wall: Math.max(longestSlice.wall, wall), cpu: Math.max(longestSlice.cpu, Math.min(wall, (used.user + used.system) / 1000)) };
    }
    return wait.then(() => {
      started = { wall: performance.now(), cpu: process.cpuUsage() };
    });
  };
}

type Way = keyof typeof WAYS;

export async function benchReload(corpora: ReadonlyArray<{ name: string; dir: string }>, runs: number): Promise<void> {
  const lines: string[] = [];
  for (const { name, dir } of corpora) {
    const samples = new Map<Way, Array<{ block: number; total: number }>>(Object.keys(WAYS).map((way) => [way as Way, []]));
    const slices: Array<{ wall: number; cpu: number }> = [];
    for (let round = 0; round <= runs; round += 1) {
      for (const way of Object.keys(WAYS) as Way[]) {
        const measured = await longestBlock(() => WAYS[way](dir));
        if (round === 0) continue; // warms up
        samples.get(way)!.push(measured);
        if (way === 'prepared in a worker') slices.push(longestSlice);
      }
      process.stderr.write(`bench: ${name}: round ${round}/${runs}\n`);
    }
    const median = (way: Way, field: 'block' | 'total'): number => percentile(samples.get(way)!.map((s) => s[field]).sort((a, b) => a - b), 0.5);
    lines.push(`\n${name} — longest block of the serving thread during a reload (median of ${runs}; the reload's own time after it):`);
    for (const way of Object.keys(WAYS) as Way[]) lines.push(`- ${way.padEnd(24)} ${median(way, 'block').toFixed(1).padStart(7)} ms   (reload ${median(way, 'total').toFixed(0)} ms)`);
    const slice = (field: 'wall' | 'cpu'): string => percentile(slices.map((s) => s[field]).sort((a, b) => a - b), 0.5).toFixed(1);
    lines.push(`  (its longest slice of work between two turns of the event loop: ${slice('wall')} ms wall clock, ${slice('cpu')} ms CPU; the rest of a longest block is the machine: other threads and processes on the cores, garbage collection)`);
    const now = median('prepared in a worker', 'block');
    lines.push(`- ratio prepared / calibration in a worker: ${(now / median('calibration in a worker', 'block')).toFixed(3)}; prepared / all on the thread: ${(now / median('all on the thread', 'block')).toFixed(3)}`);
  }
  console.log(`## reload bench (node ${process.version}, ${os.cpus().length} CPUs, load avg ${os.loadavg()[0]!.toFixed(1)} at the end)`);
  console.log(lines.join('\n'));
}
