import type { Engine } from '../engine.ts';
import type { JsonLogger } from '../json-logger.ts';
import { describeError } from '../describe-error.ts';

export interface EngineHolderOptions {
  readonly corpusDir: string;
  /** `reload` is false for the start-up build (nothing is being acked yet) and true afterwards. */
  readonly load: (corpusDir: string, reload: boolean) => Promise<Engine>;
  readonly logger: JsonLogger;
  /** Longest a reload may take before it is given up (the last good index keeps serving). Default RELOAD_TIMEOUT_MS. */
  readonly reloadTimeoutMs?: number;
}

/**
 * A reload still unfinished after this long is given up: a file that blocks (a network mount that
 * stopped answering) must not leave the bot on a reload that never ends, with the next edit
 * queued behind it.
 */
export const RELOAD_TIMEOUT_MS = 60_000;

/**
 * Holds the engine currently serving and rebuilds it on request. A rebuild that fails (a bad edit
 * to faq.yml, an unreadable article) leaves the last good engine in place and logs why, so a typo
 * in the corpus never takes the bot down. Rebuilds never overlap: a request during one schedules
 * exactly one more, which then sees the latest files.
 */
export class EngineHolder {
  readonly #options: EngineHolderOptions;
  #current: Engine | undefined;
  #running: Promise<boolean> | undefined;
  #again = false;

  constructor(options: EngineHolderOptions) {
    this.#options = options;
  }

  get ready(): boolean {
    return this.#current !== undefined;
  }

  /** The engine serving now. Throws only if called before `loadInitial` succeeded (a bug). */
  get(): Engine {
    if (!this.#current) throw new Error('The answer engine is not loaded yet.');
    return this.#current;
  }

  /** First build at start-up: errors propagate, since there is no good engine to fall back to. */
  async loadInitial(): Promise<Engine> {
    const engine = await this.#options.load(this.#options.corpusDir, false);
    this.#current = engine;
    return engine;
  }

  /** Rebuilds from the corpus folder; resolves true if the new engine now serves. Never rejects. */
  reload(reason: string): Promise<boolean> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    const run = async (): Promise<boolean> => {
      let ok = false;
      do {
        this.#again = false;
        ok = await this.#reloadOnce(reason);
      } while (this.#again);
      return ok;
    };
    this.#running = run().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #reloadOnce(reason: string): Promise<boolean> {
    const { logger, corpusDir } = this.#options;
    const started = Date.now();
    const timeoutMs = this.#options.reloadTimeoutMs ?? RELOAD_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Reading the corpus took over ${Math.round(timeoutMs / 1000)} s and was given up.`)), timeoutMs);
      timer.unref();
    });
    try {
      // A load given up here may still finish later: its engine is then dropped, never served.
      const engine = await Promise.race([this.#options.load(corpusDir, true), timeout]);
      this.#current = engine;
      logger.log('info', 'Corpus reloaded', { reason, corpusDir, articles: engine.articles.length, ms: Date.now() - started });
      return true;
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      logger.log('error', `Corpus reload failed; still serving the last good index. ${err.message}`, {
        reason,
        corpusDir,
        error: describeError(err),
      });
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
