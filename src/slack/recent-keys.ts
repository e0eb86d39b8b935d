/**
 * A bounded memory of recently seen keys, so that each Slack message (channel, ts) is answered once
 * even when Slack retries the event (`x-slack-retry-num`) or delivers it twice with a new
 * `event_id`.
 *
 * Bounded twice over: at most `maxSize` keys, none older than `maxAgeMs`. Every operation is O(1)
 * (amortised): a `Map` finds keys, and a queue in insertion order (times never decrease) puts the
 * oldest entry first, so eviction only ever looks at the head of the queue.
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
  /** key → sequence number of its live queue entry. */
  readonly #live = new Map<string, number>();
  /** Entries in insertion (= time) order from `#head` on; entries of deleted keys are skipped. */
  #queue: Array<{ readonly key: string; readonly seq: number; readonly at: number }> = [];
  #head = 0;
  #seq = 0;
  /** Time of the newest entry: a clock that steps back never puts the queue out of order. */
  #latest = Number.NEGATIVE_INFINITY;

  constructor(options: RecentKeysOptions = {}) {
    this.maxSize = options.maxSize ?? 20_000;
    this.maxAgeMs = options.maxAgeMs ?? 15 * 60_000;
    this.#now = options.now ?? Date.now;
    if (!Number.isInteger(this.maxSize) || this.maxSize < 1) throw new RangeError('maxSize must be a positive integer');
    if (!(this.maxAgeMs > 0)) throw new RangeError('maxAgeMs must be positive');
  }

  get size(): number {
    return this.#live.size;
  }

  /** True if `key` was added within `maxAgeMs` and not yet evicted. */
  has(key: string): boolean {
    this.#evictExpired(this.#time());
    return this.#live.has(key);
  }

  /** Remembers `key`. Returns true if it is new (answer it), false if seen recently (skip it). */
  add(key: string): boolean {
    const now = this.#time();
    this.#evictExpired(now);
    if (this.#live.has(key)) return false;
    this.#seq += 1;
    this.#live.set(key, this.#seq);
    this.#queue.push({ key, seq: this.#seq, at: now });
    while (this.#live.size > this.maxSize) this.#dropHead();
    this.#compact();
    return true;
  }

  /** Forgets `key`, e.g. when answering it failed transiently and a retry should be answered. */
  delete(key: string): boolean {
    return this.#live.delete(key);
  }

  #time(): number {
    this.#latest = Math.max(this.#latest, this.#now());
    return this.#latest;
  }

  #evictExpired(now: number): void {
    for (;;) {
      const entry = this.#queue[this.#head];
      if (entry === undefined) return;
      if (this.#live.get(entry.key) === entry.seq && now - entry.at < this.maxAgeMs) return;
      this.#dropHead();
    }
  }

  #dropHead(): void {
    const entry = this.#queue[this.#head];
    if (entry === undefined) return;
    if (this.#live.get(entry.key) === entry.seq) this.#live.delete(entry.key);
    this.#head += 1;
  }

  /**
   * Keeps the queue's memory proportional to the live keys. (Deleting from the front of a `Map`
   * instead is not O(1) in V8: iteration skips the holes deletions leave until the next rehash.)
   */
  #compact(): void {
    const length = this.#queue.length - this.#head;
    if (this.#head > 1024 && this.#head > length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
    // Entries of deleted keys wait for their turn at the head; if deletions pile up, sweep them.
    if (this.#queue.length - this.#head > 2 * this.maxSize + 1024) {
      this.#queue = this.#queue.slice(this.#head).filter((e) => this.#live.get(e.key) === e.seq);
      this.#head = 0;
    }
  }
}
