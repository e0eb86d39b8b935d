import { afterEach } from 'vitest';

export type Cleanup = () => Promise<void> | void;

/**
 * Registers an afterEach that runs, last pushed first, whatever a test pushed onto the returned
 * list (servers to stop, processes to end, temp dirs to remove), and empties it.
 */
export function useCleanups(): Cleanup[] {
  const cleanups: Cleanup[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return cleanups;
}
