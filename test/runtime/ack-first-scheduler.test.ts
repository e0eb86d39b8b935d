import { afterEach, describe, expect, it, vi } from 'vitest';
import { AckFirstScheduler } from '../../src/runtime/ack-first-scheduler.ts';

afterEach(() => {
  vi.useRealTimers();
});

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((res) => (resolve = res));
  return { promise, resolve };
}

describe('AckFirstScheduler', () => {
  it('starts jobs in arrival order, never more than maxActive at once', async () => {
    const scheduler = new AckFirstScheduler({ maxActive: 2 });
    const started: number[] = [];
    const gates = [deferred(), deferred(), deferred()];
    const runs = gates.map((gate, i) =>
      scheduler.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await vi.waitFor(() => expect(started).toEqual([0, 1]));
    expect(scheduler.active).toBe(2);
    expect(scheduler.waiting).toBe(1);
    gates[1]?.resolve();
    await vi.waitFor(() => expect(started).toEqual([0, 1, 2]));
    gates[0]?.resolve();
    gates[2]?.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(scheduler.active).toBe(0);
  });

  it('starts nothing while the receiver is busy, until the oldest job has waited maxDeferMs', async () => {
    vi.useFakeTimers();
    let now = 0;
    let busy = true;
    const scheduler = new AckFirstScheduler({ isBusy: () => busy, maxDeferMs: 50, now: () => now });
    const started: string[] = [];
    void scheduler.run(async () => void started.push('a'));
    await vi.advanceTimersByTimeAsync(10);
    now = 10;
    await vi.advanceTimersByTimeAsync(10);
    expect(started).toEqual([]);
    busy = false;
    await vi.advanceTimersByTimeAsync(5);
    expect(started).toEqual(['a']);

    busy = true;
    now = 100;
    void scheduler.run(async () => void started.push('b'));
    await vi.advanceTimersByTimeAsync(20);
    expect(started).toEqual(['a']);
    // Still busy, but waited long enough: starvation is bounded.
    now = 151;
    await vi.advanceTimersByTimeAsync(5);
    expect(started).toEqual(['a', 'b']);
  });

  it('turn() waits its turn but holds no slot; a job that throws frees its slot', async () => {
    const scheduler = new AckFirstScheduler({ maxActive: 1 });
    const gate = deferred();
    const long = scheduler.run(() => gate.promise);
    await vi.waitFor(() => expect(scheduler.active).toBe(1));
    const failing = scheduler.run(() => {
      throw new Error('sync failure');
    });
    let turned = false;
    void scheduler.turn().then(() => (turned = true));
    gate.resolve();
    await long;
    await expect(failing).rejects.toThrow('sync failure');
    await vi.waitFor(() => expect(turned).toBe(true));
    expect(scheduler.active).toBe(0);
  });
});
