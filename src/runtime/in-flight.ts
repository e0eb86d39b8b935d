/**
 * Keeps count of the work under way (one promise per Slack event being answered), so shutdown can
 * wait for answers already started instead of cutting them off mid-post.
 */
export class InFlight {
  readonly #pending = new Set<Promise<unknown>>();

  get size(): number {
    return this.#pending.size;
  }

  /** Tracks `work` until it settles; returns it unchanged (rejections still reach the caller). */
  track<T>(work: Promise<T>): Promise<T> {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.#pending.add(settled);
    void settled.then(() => this.#pending.delete(settled));
    return work;
  }

  /**
   * Resolves true once everything tracked (including work started while waiting) has settled, or
   * false when `timeoutMs` passes or `giveUp` settles first.
   */
  async drain(timeoutMs: number, giveUp?: Promise<unknown>): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    // Not unref'd: the work waited for need not hold the process open itself (a call waiting out a
    // 429 sleeps on an unref'd timer), and without a handle Node would exit mid-drain (code 13).
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const allDone = (async (): Promise<true> => {
      while (this.#pending.size > 0) await Promise.all(this.#pending);
      return true;
    })();
    try {
      const gaveUp = giveUp?.then(
        () => false as const,
        () => false as const,
      );
      return await Promise.race([allDone, timedOut, ...(gaveUp ? [gaveUp] : [])]);
    } finally {
      clearTimeout(timer);
    }
  }
}
