export type Signal = 'SIGTERM' | 'SIGINT' | 'SIGHUP';

/** Where signals come from: `process` in production, an EventEmitter in tests. */
export interface SignalSource {
  on(signal: Signal, listener: () => void): unknown;
  off(signal: Signal, listener: () => void): unknown;
}

/**
 * Subscribes `listener` to each of `signals`; returns a function that unsubscribes all of them.
 * Removing the listeners matters: while one is registered, Node does not exit on that signal.
 */
export function onSignals(source: SignalSource, signals: readonly Signal[], listener: (signal: Signal) => void): () => void {
  const bound = signals.map((signal) => [signal, () => listener(signal)] as const);
  for (const [signal, fn] of bound) source.on(signal, fn);
  return () => {
    for (const [signal, fn] of bound) source.off(signal, fn);
  };
}
