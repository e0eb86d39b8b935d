import { performance } from 'node:perf_hooks';
import type { Pause } from '../match/build-steps.ts';

/**
 * How long a reload's build on the serving thread runs before it lets the event loop have a turn:
 * short enough that an ack or an answer arriving meanwhile waits a few milliseconds, not the
 * build's hundreds.
 */
export const RELOAD_SLICE_MS = 3;

/**
 * A Pause (match/build-steps.ts) that lets everything waiting on the event loop run (timers, I/O:
 * Slack's requests and their acks) once the current slice has lasted `sliceMs`.
 */
export function timeSlices(sliceMs = RELOAD_SLICE_MS): Pause {
  let started = performance.now();
  return () => {
    if (performance.now() - started < sliceMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        started = performance.now();
        resolve();
      }),
    );
  };
}
