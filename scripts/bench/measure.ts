import Fuse from 'fuse.js';
import { performance } from 'node:perf_hooks';

export interface Latency {
  readonly count: number;
  /** Sum of all samples: the time the whole question set took. */
  readonly total: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentile of ascending `sorted` milliseconds (p in (0, 1]). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export function summarise(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: sorted.length, total: sorted.reduce((sum, x) => sum + x, 0), p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? Number.NaN };
}

export interface QuestionTimes {
  /** Wall-clock time of each call: what a person asking sees, preemption by other processes included. */
  readonly wall: Latency;
  /**
   * Main-thread CPU time of each call, bounded from above by min(wall clock, process CPU time):
   * wall clock includes waiting for a core on a busy machine, process CPU time includes V8's
   * background threads (JIT, concurrent marking); the main thread's own time is at most either.
   * So this is the engine's cost without a shared machine's noise. Cold caches still count.
   */
  readonly cpu: Latency;
}

/** Times `fn` once per question, each call separately, so p99 sees the slow questions. */
export function timeEach(questions: readonly string[], fn: (question: string) => unknown): QuestionTimes {
  const wall: number[] = [];
  const cpu: number[] = [];
  let sink = 0;
  for (const question of questions) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const result = fn(question);
    const took = performance.now() - start;
    const used = process.cpuUsage(cpuStart);
    wall.push(took);
    cpu.push(Math.min(took, (used.user + used.system) / 1000));
    // Keep the result observable so the call cannot be optimised away.
    if (result === undefined) sink++;
  }
  if (sink < 0) console.log(sink);
  return { wall: summarise(wall), cpu: summarise(cpu) };
}

/**
 * Wall-clock milliseconds one call takes, and the process's CPU milliseconds over it (all threads,
 * GC included): on a machine shared with other work, CPU time is the steadier figure.
 */
export function timed<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

export async function timedAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/**
 * `process.memoryUsage().heapUsed` after a full collection when node runs with `--expose-gc`
 * (otherwise garbage from loading inflates it, and `collected` says so).
 */
export function heapUsed(): { bytes: number; collected: boolean } {
  const gc = globalThis.gc;
  if (gc) {
    gc();
    gc();
  }
  return { bytes: process.memoryUsage().heapUsed, collected: gc !== undefined };
}

/**
 * The naive baseline: fuse.js over every paragraph's text with the whole question as the pattern
 * (the settings the SQuAD bench README measured). It costs about a second a question on 2,000
 * passages, so it runs on a small sample, stopping early once `budgetMs` is spent (at least one
 * question always runs).
 */
export function fuseScan(paragraphTexts: readonly string[], questions: readonly string[], budgetMs: number): { latency: Latency; buildMs: number } {
  const { ms: buildMs, value: fuse } = timed(() => new Fuse(paragraphTexts as string[], { ignoreLocation: true, threshold: 0.4, includeScore: true }));
  const samples: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (const question of questions) {
    const start = performance.now();
    fuse.search(question);
    samples.push(performance.now() - start);
    if (performance.now() > deadline) break;
  }
  return { latency: summarise(samples), buildMs };
}
