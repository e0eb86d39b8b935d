import { StoreCurationService } from '../curate/store-curation-service.ts';
import type { Engine } from '../engine.ts';
import type { JsonLogger } from '../json-logger.ts';
import type { LoadEngineOptions, PreparedCorpus } from '../load-engine.ts';
import type { Pause } from '../match/build-steps.ts';
import type { Curation, Store } from '../store/store.ts';
import { CurationWatcher } from './curation-watcher.ts';
import { EngineHolder } from './engine-holder.ts';

export interface CuratedEngines {
  /** The engine serving now: the corpus folder with every stored curation overlaid. */
  readonly engines: EngineHolder;
  /** Polls the store and rebuilds when another replica (or the CLI) curated something. */
  readonly watcher: CurationWatcher;
  /** The curator loop for the Slack surfaces; an accept here rebuilds this replica at once. */
  readonly curation: StoreCurationService;
}

/**
 * One replica's engine with curations live: every build (start-up, corpus change, SIGHUP, a
 * curation) reads the stored curations and overlays them on faq.yml. A curation that no longer
 * applies is logged and skipped; a store that cannot be read fails the rebuild, which leaves the
 * last good engine serving (EngineHolder).
 */
export function curatedEngines(options: {
  readonly store: Store;
  readonly corpusDir: string;
  readonly loadEngine: (corpusDir: string, options?: LoadEngineOptions) => Promise<Engine>;
  readonly logger: JsonLogger;
  /**
   * Off this thread, a reload's heavy part (prepareInWorker): the folder read, the curations
   * overlaid, keys generated, calibrated; the engine is then built here in steps, pausing as
   * `pause` asks. Absent, reloads build here at once. The start-up build always does: no acks
   * wait on it yet.
   */
  readonly offThread?: {
    readonly prepare: (corpusDir: string, curations: readonly Curation[]) => Promise<PreparedCorpus>;
    readonly pause: Pause;
  };
}): CuratedEngines {
  const { store, logger, offThread } = options;
  const load = async (corpusDir: string, reload: boolean): Promise<Engine> => {
    // The version first: a curation stored meanwhile is in the list and makes the next poll rebuild once more.
    const version = await store.curationVersion();
    const curations = await store.curations();
    const warn = (message: string): void => logger.log('warn', message);
    const engine = await options.loadEngine(corpusDir, reload && offThread ? { curations, warn, prepare: () => offThread.prepare(corpusDir, curations), pause: offThread.pause } : { curations, warn });
    watcher.built(version);
    return engine;
  };
  const engines = new EngineHolder({ corpusDir: options.corpusDir, load, logger });
  const watcher = new CurationWatcher({ store, reload: (reason) => engines.reload(reason), logger });
  const curation = new StoreCurationService({ store, getEngine: () => engines.get(), onCurated: () => void engines.reload('curation accepted on this replica') });
  return { engines, watcher, curation };
}
