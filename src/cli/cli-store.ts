import fs from 'node:fs';
import { ConfigError } from '../errors.ts';
import type { Engine } from '../engine.ts';
import { loadEngine } from '../load-engine.ts';
import type { StoreConfig } from '../store/open-store.ts';
import { StoreError } from '../store/store-error.ts';
import { readStoreConfig } from '../store/store-config.ts';
import type { Store } from '../store/store.ts';
import { writeLine, type CliIo } from './cli-io.ts';

/** The store the bot uses (DATABASE_URL, else the SQLite file FAQBOT_DB), read as the bot reads it. */
export function cliStoreConfig(io: CliIo): StoreConfig {
  const problems: string[] = [];
  const { location } = readStoreConfig(io.env, process.cwd(), problems);
  if (problems.length) throw new ConfigError(problems);
  return location;
}

/**
 * Opens the bot's store if there is one: DATABASE_URL is set, or the SQLite file exists. Null
 * otherwise, and nothing is created (`faqbot ask` on a fresh clone leaves no file behind). The
 * driver is loaded only here, so a command without a store never pays for it.
 */
export async function openExistingStore(io: CliIo): Promise<Store | null> {
  const location = cliStoreConfig(io);
  if (location.kind === 'sqlite' && (location.file === ':memory:' || !fs.existsSync(location.file))) return null;
  const { openStore } = await import('../store/open-store.ts');
  return openStore(location);
}

/**
 * For `ask`: the store's curations are a bonus, so a store that does not answer (PostgreSQL down)
 * is a warning on stderr and the answer comes from faq.yml alone.
 */
export async function openStoreIfReachable(io: CliIo): Promise<Store | null> {
  try {
    return await openExistingStore(io);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    writeLine(io.stderr, `faqbot: warning: answering without the curators' changes: ${error.message}`);
    return null;
  }
}

/** As openExistingStore, for commands that need the store: its absence is an error saying where it was looked for. */
export async function requireStore(io: CliIo): Promise<Store> {
  const store = await openExistingStore(io);
  if (!store) {
    const location = cliStoreConfig(io);
    const where = location.kind === 'sqlite' ? location.file : 'DATABASE_URL';
    throw new StoreError(`No store at ${where}: the bot has recorded nothing there yet. Set FAQBOT_DB (or DATABASE_URL) to the bot's store.`);
  }
  return store;
}

/** The engine with the store's curations overlaid (a stale one is reported on stderr and skipped). */
export async function loadCuratedEngine(corpusDir: string, store: Store | null, io: CliIo): Promise<Engine> {
  if (!store) return loadEngine(corpusDir);
  return loadEngine(corpusDir, { curations: await store.curations(), warn: (message) => writeLine(io.stderr, `faqbot: warning: ${message}`) });
}
