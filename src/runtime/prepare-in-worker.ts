import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort as WorkerPort } from 'node:worker_threads';
import { CorpusError, FaqbotError, FaqFileError, type ErrorCode } from '../errors.ts';
import type { PreparedCorpus } from '../load-engine.ts';
import type { Pause } from '../match/build-steps.ts';
import type { Curation } from '../store/store.ts';
import { PreparedAssembly, type Piece } from './prepared-pieces.ts';

/** The worker next to this module: .js in the compiled build, .ts when run from the sources. */
const DEFAULT_WORKER = new URL(`./prepare-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

export interface PrepareInWorkerOptions {
  readonly corpusDir: string;
  readonly curations: readonly Curation[];
  /** Resolves when the worker has had long enough; it is then terminated and the preparation rejected. */
  readonly limit: () => Promise<void>;
  /** Asked between the pieces of the result, each decoded on this thread (see prepared-pieces.ts). */
  readonly pause: Pause;
  /** The worker module; tests pass one that never answers. */
  readonly worker?: URL;
}

/** What the worker posts on its parent port when it is done (see prepare-worker.ts). */
type WorkerMessage = { pieces: number } | { error: { name: string; message: string; code?: unknown; problems?: unknown } };

/**
 * A reload's heavy, pure work in a worker thread (load-engine's `prepareCorpus`: reading and
 * splitting the folder, overlaying the curations, generating keys, calibrating), so the serving
 * thread keeps acking within Slack's 3 s. The worker reads the folder itself; should the files
 * change meanwhile, the watcher's next reload follows. Rejects with the error the folder gave
 * (CorpusError, FaqFileError: as a load on this thread would), or when the limit is up.
 */
export function prepareInWorker(options: PrepareInWorkerOptions): Promise<PreparedCorpus> {
  const url = options.worker ?? DEFAULT_WORKER;
  const channel = new MessageChannel();
  const workerData = { corpusDir: options.corpusDir, curations: options.curations, port: channel.port2 };
  const settings = { workerData, transferList: [channel.port2] };
  // From the sources (tests, tsx) the worker registers tsx first to load TypeScript (Node 20
  // does not pass `--import tsx` hooks on to a worker's own module); the build needs nothing.
  const worker = url.pathname.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`, { eval: true, ...settings })
    : new Worker(url, settings);
  // A reload must never be what keeps a stopping bot alive.
  worker.unref();
  return new Promise<PreparedCorpus>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      outcome();
      channel.port1.close();
      void worker.terminate();
    };
    options.limit().then(() => settle(() => reject(new Error('Building the index took too long and was given up.'))), () => undefined);
    worker.on('message', (message: WorkerMessage) => {
      if ('error' in message) settle(() => reject(rebuiltError(message.error)));
      else
        receivePieces(channel.port1, message.pieces, options.pause, () => settled).then(
          (prepared) => settle(() => resolve(prepared)),
          (error: Error) => settle(() => reject(error)),
        );
    });
    worker.on('error', (error) => settle(() => reject(new Error(`Building the index failed: ${error.message}`))));
    worker.on('exit', (code) => settle(() => reject(new Error(`The index worker stopped (exit code ${code}) without a result.`))));
  });
}

/** Takes the worker's pieces one at a time, pausing between them; stops once `given up` says so. */
async function receivePieces(port: WorkerPort, count: number, pause: Pause, givenUp: () => boolean): Promise<PreparedCorpus> {
  const assembly = new PreparedAssembly();
  for (let i = 0; i < count; i++) {
    const wait = pause();
    if (wait) await wait;
    if (givenUp()) throw new Error('given up');
    const received = receiveMessageOnPort(port);
    if (!received) throw new Error(`The index worker sent ${i} of ${count} pieces.`);
    assembly.add(received.message as Piece);
  }
  return assembly.done();
}

/** The worker's error as the class a load on this thread would have thrown, so logs and codes match. */
function rebuiltError(error: { name: string; message: string; code?: unknown; problems?: unknown }): Error {
  if (error.name === 'FaqFileError' && Array.isArray(error.problems)) return new FaqFileError(error.problems.map(String));
  if (error.name === 'CorpusError') return new CorpusError(error.message);
  if (typeof error.code === 'string' && error.name !== 'Error') return new FaqbotError(error.code as ErrorCode, error.message);
  return new Error(`Building the index failed: ${error.message}`);
}
