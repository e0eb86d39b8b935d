import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { prepareCorpus } from '../load-engine.ts';
import type { Curation } from '../store/store.ts';
import { toPieces } from './prepared-pieces.ts';

/**
 * Worker thread for prepareInWorker: reads the corpus folder, overlays the curations it is given,
 * generates the keys and builds the index once (calibrating unless cached), so the serving thread
 * does none of it. The result goes back as many small messages on `port`, which the serving
 * thread takes one at a time between other work; then `{ pieces }` on the parent port says how
 * many there are; the serving thread ends the worker once it has them all. A failure is sent as `{ error }`, with what its class needs to be rebuilt.
 */
const { corpusDir, curations, port } = workerData as { corpusDir: string; curations: Curation[]; port: MessagePort };
try {
  const pieces = toPieces(await prepareCorpus(corpusDir, curations));
  for (const piece of pieces) port.postMessage(piece);
  // Listening keeps this thread, and so the pieces' port, alive until the serving thread has them all and ends it.
  port.on('message', () => undefined);
  parentPort?.postMessage({ pieces: pieces.length });
} catch (error) {
  const e = error as { name?: unknown; message?: unknown; code?: unknown; problems?: unknown };
  parentPort?.postMessage({ error: { name: String(e?.name ?? 'Error'), message: String(e?.message ?? error), code: e?.code, problems: e?.problems } });
}

