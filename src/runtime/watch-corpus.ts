import fs from 'node:fs';
import type { JsonLogger } from '../json-logger.ts';

/** Editors save in bursts (temp file, rename, chmod): wait for the folder to be quiet this long. */
export const CORPUS_DEBOUNCE_MS = 300;

/**
 * Calls `onChange` once per burst of changes in the corpus folder. A watcher that fails (the folder
 * was removed, the platform cannot watch) is logged and stops; the bot keeps serving, and SIGHUP
 * still reloads. Returns a function that stops watching.
 */
export function watchCorpus(dir: string, onChange: () => void, logger: JsonLogger, debounceMs = CORPUS_DEBOUNCE_MS): () => void {
  let timer: NodeJS.Timeout | undefined;
  let watcher: fs.FSWatcher | undefined;
  const stop = (): void => {
    clearTimeout(timer);
    watcher?.close();
    watcher = undefined;
  };
  try {
    watcher = fs.watch(dir, { persistent: false }, () => {
      clearTimeout(timer);
      timer = setTimeout(onChange, debounceMs);
    });
    watcher.on('error', (error) => {
      logger.log('warn', 'Stopped watching the corpus folder; send SIGHUP to reload it', { corpusDir: dir, error });
      stop();
    });
  } catch (error) {
    logger.log('warn', 'Cannot watch the corpus folder; send SIGHUP to reload it', { corpusDir: dir, error });
  }
  return stop;
}
