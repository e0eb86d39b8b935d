import type { JsonLogger } from '../json-logger.ts';

/**
 * Last-resort handlers: an unhandled rejection is logged (with what it was) and the bot keeps
 * serving; an uncaught exception is logged and reported to `onFatal`, which shuts down cleanly,
 * since after one the process state can no longer be trusted. Returns a function removing both.
 */
export function installProcessHandlers(logger: JsonLogger, onFatal: (error: unknown) => void): () => void {
  const onRejection = (reason: unknown): void => {
    logger.log('error', 'Unhandled promise rejection (a bug: every promise should be awaited or caught)', { error: reason });
  };
  const onException = (error: unknown): void => {
    logger.log('error', 'Uncaught exception; shutting down', { error });
    onFatal(error);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
