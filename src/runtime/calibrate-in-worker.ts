import { Worker } from 'node:worker_threads';
import type { Curation } from '../store/store.ts';

/** The calibration worker next to this module: .js in the compiled build, .ts when run from the sources. */
const DEFAULT_WORKER = new URL(`./calibration-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

export interface CalibrateInWorkerOptions {
  readonly corpusDir: string;
  readonly curations: readonly Curation[];
  /** Resolves when the worker has had long enough; it is then terminated and the calibration rejected. */
  readonly limit: () => Promise<void>;
  /** The worker module; tests pass one that never answers. */
  readonly worker?: URL;
}

/**
 * The corpus calibration (FaqIndex's `uncoveredConfidence`, two thirds of building the index) in
 * a worker thread, so a reload never stalls the acks Slack needs within 3 s. The worker reads
 * the folder itself; should the files change meanwhile, the watcher's next reload follows.
 */
export function calibrateInWorker(options: CalibrateInWorkerOptions): Promise<number> {
  const url = options.worker ?? DEFAULT_WORKER;
  const workerData = { corpusDir: options.corpusDir, curations: options.curations };
  // From the sources (tests, tsx) the worker registers tsx first to load TypeScript (Node 20
  // does not pass `--import tsx` hooks on to a worker's own module); the build needs nothing.
  const worker = url.pathname.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`, { eval: true, workerData })
    : new Worker(url, { workerData });
  // A calibration must never be what keeps a stopping bot alive.
  worker.unref();
  return new Promise<number>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      outcome();
      void worker.terminate();
    };
    options.limit().then(() => settle(() => reject(new Error('Calibrating the index took too long and was given up.'))), () => undefined);
    worker.on('message', (message: { uncoveredConfidence?: unknown; error?: string }) =>
      settle(() =>
        typeof message.uncoveredConfidence === 'number'
          ? resolve(message.uncoveredConfidence)
          : reject(new Error(`Calibrating the index failed: ${message.error ?? 'no result'}`)),
      ),
    );
    worker.on('error', (error) => settle(() => reject(new Error(`Calibrating the index failed: ${error.message}`))));
    worker.on('exit', (code) => settle(() => reject(new Error(`The calibration worker stopped (exit code ${code}) without a result.`))));
  });
}
