import type { Store } from './store.ts';

/** Which store to use: `DATABASE_URL` → PostgreSQL, else the SQLite file `FAQBOT_DB`. */
export type StoreConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string };

/**
 * Opens the configured store and brings its schema up to date (numbered migrations). Rejects with
 * StoreError when it cannot be reached or migrated, with what to check.
 */
export async function openStore(config: StoreConfig, onError?: (error: Error) => void): Promise<Store> {
  // Each backend is imported only when chosen: pg alone costs a SQLite install (and `faqbot ask`) ~100 ms at start.
  const store =
    config.kind === 'postgres'
      ? new (await import('./postgres/postgres-store.ts')).PostgresStore({ connectionString: config.url, ...(config.schema ? { schema: config.schema } : {}), ...(onError ? { onError } : {}) })
      : new (await import('./sqlite/sqlite-store.ts')).SqliteStore(config.file);
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}

/** A store location for logs: the SQLite path, or the PostgreSQL host and database (never the password). */
export function describeStore(config: StoreConfig): string {
  if (config.kind === 'sqlite') return `SQLite ${config.file}`;
  try {
    const url = new URL(config.url);
    return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}
