/**
 * A bounded memory of recently seen keys, so that each Slack message (channel, ts) is answered once
 * even when Slack retries the event (`x-slack-retry-num`) or delivers it twice with a new
 * `event_id`.
 *
 * Bounded twice over: at most `maxSize` keys, none older than `maxAgeMs`. Every operation is O(1)
 * (amortised): a `Map` keeps insertion order, and since keys are inserted with a non-decreasing
 * time, the oldest entry is always first, so eviction only ever looks at the head.
 *
 * ```ts
 * const seen = new RecentKeys({ maxSize: 10_000, maxAgeMs: 15 * 60_000 });
 * seen.add('C1:1700000000.000100'); // true: first time, go ahead and answer
 * seen.add('C1:1700000000.000100'); // false: a retry or a duplicate, skip it
 * ```
 */
export interface RecentKeysOptions {
  /** Most keys kept; the oldest is dropped first. Default 20,000. */
  readonly maxSize?: number;
  /** Keys older than this are forgotten. Default 15 minutes (Slack retries for about 5). */
  readonly maxAgeMs?: number;
  /** Milliseconds clock; injectable for tests. Default `Date.now`. */
  readonly now?: () => number;
}

export class RecentKeys {
  readonly maxSize: number;
  readonly maxAgeMs: number;
  readonly #now: () => number;
  /** key → time added. Insertion order is age order (see `#latest`). */
  readonly #added = new Map<string, number>();
  /** Time of the newest entry: a clock that steps back never makes the map out of order. */
  #latest = Number.NEGATIVE_INFINITY;

  constructor(options: RecentKeysOptions = {}) {
    this.maxSize = options.maxSize ?? 20_000;
    this.maxAgeMs = options.maxAgeMs ?? 15 * 60_000;
    this.#now = options.now ?? Date.now;
    if (!Number.isInteger(this.maxSize) || this.maxSize < 1) throw new RangeError('maxSize must be a positive integer');
    if (!(this.maxAgeMs > 0)) throw new RangeError('maxAgeMs must be positive');
  }

  get size(): number {
    return this.#added.size;
  }

  /** True if `key` was added within `maxAgeMs` and not yet evicted. */
  has(key: string): boolean {
    this.#evictExpired(this.#time());
    return this.#added.has(key);
  }

  /** Remembers `key`. Returns true if it is new (answer it), false if seen recently (skip it). */
  add(key: string): boolean {
    const now = this.#time();
    this.#evictExpired(now);
    if (this.#added.has(key)) return false;
    this.#added.set(key, now);
    if (this.#added.size > this.maxSize) this.#evictOldest();
    return true;
  }

  /** Forgets `key`, e.g. when answering it failed transiently and a retry should be answered. */
  delete(key: string): boolean {
    return this.#added.delete(key);
  }

  #time(): number {
    this.#latest = Math.max(this.#latest, this.#now());
    return this.#latest;
  }

  #evictExpired(now: number): void {
    for (const [key, added] of this.#added) {
      if (now - added < this.maxAgeMs) return;
      this.#added.delete(key);
    }
  }

  #evictOldest(): void {
    const oldest = this.#added.keys().next();
    if (!oldest.done) this.#added.delete(oldest.value);
  }
}
