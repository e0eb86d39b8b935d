import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/runtime/in-flight.ts';

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('InFlight', () => {
  it('drains once everything tracked has settled, including work added while draining', async () => {
    const inFlight = new InFlight();
    const a = deferred();
    const b = deferred();
    void inFlight.track(a.promise);
    const draining = inFlight.drain(60_000);
    void inFlight.track(b.promise).catch(() => undefined);
    a.resolve();
    await Promise.resolve();
    expect(inFlight.size).toBeGreaterThan(0);
    b.reject(new Error('failed answers count as settled'));
    expect(await draining).toBe(true);
    expect(inFlight.size).toBe(0);
  });

  it('gives up after the timeout', async () => {
    const inFlight = new InFlight();
    void inFlight.track(new Promise(() => undefined));
    expect(await inFlight.drain(1)).toBe(false);
    expect(inFlight.size).toBe(1);
  });

  it('gives up when told to (a second stop signal), without waiting out the timeout', async () => {
    const inFlight = new InFlight();
    void inFlight.track(new Promise(() => undefined));
    const stopNow = deferred();
    const draining = inFlight.drain(60_000, stopNow.promise);
    stopNow.resolve();
    expect(await draining).toBe(false);
  });

  it('passes results and rejections through unchanged', async () => {
    const inFlight = new InFlight();
    await expect(inFlight.track(Promise.resolve(42))).resolves.toBe(42);
    await expect(inFlight.track(Promise.reject(new Error('x')))).rejects.toThrow('x');
  });
});
