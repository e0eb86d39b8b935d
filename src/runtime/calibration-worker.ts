import { parentPort, workerData } from 'node:worker_threads';
import { applyCurations } from '../curate/apply-curations.ts';
import { buildAnswerContext, loadCuratedCorpus } from '../load-engine.ts';
import type { Curation } from '../store/store.ts';

/**
 * Worker thread for calibrateInWorker: reads the corpus folder and the curations it is given,
 * builds the index (which calibrates) and posts back `uncoveredConfidence`, so the serving
 * thread never spends the calibration's few hundred milliseconds away from acks.
 */
const { corpusDir, curations } = workerData as { corpusDir: string; curations: Curation[] };
try {
  const loaded = applyCurations(await loadCuratedCorpus(corpusDir), curations);
  parentPort?.postMessage({ uncoveredConfidence: buildAnswerContext(loaded).index.uncoveredConfidence });
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
