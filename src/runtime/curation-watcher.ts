import type { JsonLogger } from '../json-logger.ts';
import type { Store } from '../store/store.ts';

export interface CurationWatcherOptions {
  readonly store: Pick<Store, 'curationVersion'>;
  /** Rebuilds the engine with the curations now stored (EngineHolder.reload); resolves when done. */
  readonly reload: (reason: string) => Promise<unknown>;
  readonly logger: JsonLogger;
}

/**
 * Makes curators' changes live on this replica: asks the store for its curation version (a cheap
 * MAX(id)) on every `check`, and rebuilds the engine when it moved past what the serving engine was
 * built with. The engine loader reports that version (`built`), so a rebuild for any other reason
 * (faq.yml edited, SIGHUP) counts too. `start` polls on a timer; tests call `check` themselves.
 */
export class CurationWatcher {
  readonly #options: CurationWatcherOptions;
  #built = -1;
  #reloading: Promise<unknown> | undefined;
  #failing = false;

  constructor(options: CurationWatcherOptions) {
    this.#options = options;
  }

  /** The version the serving engine was built with (called by the loader after a build). */
  built(version: number): void {
    this.#built = Math.max(this.#built, version);
  }

  /** One poll: true when the version had moved and a rebuild ran. Never rejects. */
  async check(): Promise<boolean> {
    if (this.#reloading) return false;
    let version: number;
    try {
      version = await this.#options.store.curationVersion();
      if (this.#failing) this.#options.logger.log('info', 'Curation polling works again');
      this.#failing = false;
    } catch (error) {
      // Logged once per outage, not every few seconds; the engine keeps serving what it has.
      if (!this.#failing) this.#options.logger.log('warn', 'Cannot read the curation version; curators\' changes wait until the store answers', { error });
      this.#failing = true;
      return false;
    }
    if (version <= this.#built) return false;
    this.#reloading = this.#options.reload(`curations changed (version ${version})`);
    try {
      await this.#reloading;
    } finally {
      this.#reloading = undefined;
    }
    return true;
  }

  /** Polls every `intervalMs` until the returned function is called; the timer never keeps the process alive. */
  start(intervalMs: number): () => void {
    const timer = setInterval(() => void this.check(), intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
