import { describe, expect, it } from 'vitest';
import { RecentKeys } from '../../src/slack/recent-keys.ts';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms), set: (ms: number) => void (now = ms) };
}

describe('RecentKeys', () => {
  it('says yes to a new key and no to a repeat', () => {
    const seen = new RecentKeys();
    expect(seen.add('C1:1.0001')).toBe(true);
    expect(seen.add('C1:1.0001')).toBe(false);
    expect(seen.add('C2:1.0001')).toBe(true);
    expect(seen.has('C1:1.0001')).toBe(true);
  });

  it('forgets a key after maxAgeMs, so it can be answered again', () => {
    const clock = manualClock();
    const seen = new RecentKeys({ maxAgeMs: 60_000, now: clock.now });
    seen.add('a');
    clock.advance(59_999);
    expect(seen.add('a')).toBe(false);
    clock.advance(1);
    expect(seen.has('a')).toBe(false);
    expect(seen.add('a')).toBe(true);
  });

  it('evicts expired keys as time passes, without anyone asking about them', () => {
    const clock = manualClock();
    const seen = new RecentKeys({ maxAgeMs: 1000, now: clock.now });
    for (let i = 0; i < 100; i += 1) seen.add(`old-${i}`);
    clock.advance(1000);
    seen.add('new');
    expect(seen.size).toBe(1);
  });

  it('keeps at most maxSize keys, dropping the oldest first', () => {
    const seen = new RecentKeys({ maxSize: 3 });
    for (const k of ['a', 'b', 'c', 'd']) seen.add(k);
    expect(seen.size).toBe(3);
    expect(seen.has('a')).toBe(false);
    expect(seen.has('b')).toBe(true);
    expect(seen.has('d')).toBe(true);
  });

  it('a hundred thousand distinct events do not grow it past maxSize', () => {
    const clock = manualClock();
    const seen = new RecentKeys({ maxSize: 1_000, maxAgeMs: 15 * 60_000, now: clock.now });
    for (let i = 0; i < 100_000; i += 1) {
      seen.add(`C${i % 97}:${1_700_000_000 + i}.000100`);
      if (i % 1000 === 0) clock.advance(1);
      if (seen.size > 1_000) throw new Error(`grew to ${seen.size} at event ${i}`);
    }
    expect(seen.size).toBe(1_000);
  });

  it('a hundred thousand events spread over time are bounded by age as well', () => {
    const clock = manualClock();
    const seen = new RecentKeys({ maxSize: 1_000_000, maxAgeMs: 1000, now: clock.now });
    for (let i = 0; i < 100_000; i += 1) {
      seen.add(`k${i}`);
      clock.advance(1);
    }
    expect(seen.size).toBeLessThanOrEqual(1000);
  });

  it('stays ordered when the clock steps backwards: nothing lives longer than maxAgeMs after the newest time', () => {
    const clock = manualClock(10_000);
    const seen = new RecentKeys({ maxAgeMs: 1000, now: clock.now });
    seen.add('before');
    clock.set(5_000); // e.g. an NTP correction
    expect(seen.add('after')).toBe(true);
    clock.set(10_999);
    expect([seen.has('before'), seen.has('after')]).toEqual([true, true]);
    clock.set(11_000);
    expect([seen.has('before'), seen.has('after')]).toEqual([false, false]);
    expect(seen.size).toBe(0);
  });

  it('stays bounded when keys are deleted and re-added over and over', () => {
    const seen = new RecentKeys({ maxSize: 100 });
    for (let i = 0; i < 200_000; i += 1) {
      seen.add(`k${i % 50}`);
      seen.delete(`k${i % 50}`);
    }
    expect(seen.size).toBe(0);
    for (let i = 0; i < 1000; i += 1) seen.add(`n${i}`);
    expect(seen.size).toBe(100);
  });

  it('delete() forgets a key (a transient failure lets a retry answer)', () => {
    const seen = new RecentKeys();
    seen.add('a');
    expect(seen.delete('a')).toBe(true);
    expect(seen.add('a')).toBe(true);
  });

  it('rejects nonsense bounds', () => {
    expect(() => new RecentKeys({ maxSize: 0 })).toThrow(RangeError);
    expect(() => new RecentKeys({ maxAgeMs: 0 })).toThrow(RangeError);
  });
});
