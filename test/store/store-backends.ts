import { afterAll, beforeAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { PostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';

/** TEST_DATABASE_URL (CI sets it; `.ci/run` starts PostgreSQL). */
export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL']?.trim() || undefined;

export interface Backend {
  readonly name: 'sqlite' | 'postgres';
  /** A fresh, migrated, empty store of its own (a temp file, or a schema of its own). */
  open(): Promise<{ store: Store; dispose: () => Promise<void> }>;
  /** A second connection to the same data as `store` (another replica). */
  openSibling(store: Store): Promise<Store>;
}

const sqlite: Backend = {
  name: 'sqlite',
  async open() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-store-'));
    const store = new SqliteStore(path.join(dir, 'faqbot.db'));
    await store.migrate();
    return {
      store,
      dispose: async () => {
        await store.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  async openSibling(store) {
    const sibling = new SqliteStore((store as SqliteStore).file);
    await sibling.migrate();
    return sibling;
  },
};

/** A schema name unique to one test: parallel test files never share tables. */
export function testSchema(): string {
  return `t_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

const schemas = new WeakMap<Store, string>();

const postgres: Backend = {
  name: 'postgres',
  async open() {
    const schema = testSchema();
    const store = new PostgresStore({ connectionString: TEST_DATABASE_URL ?? '', schema, maxConnections: 4 });
    await store.migrate();
    schemas.set(store, schema);
    return {
      store,
      dispose: async () => {
        await store.dropSchema();
        await store.close();
      },
    };
  },
  async openSibling(store) {
    const sibling = new PostgresStore({ connectionString: TEST_DATABASE_URL ?? '', schema: schemas.get(store) ?? '', maxConnections: 4 });
    await sibling.migrate();
    return sibling;
  },
};

/** The backends to run store tests against: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function backends(): Backend[] {
  return TEST_DATABASE_URL ? [sqlite, postgres] : [sqlite];
}

let noticed = false;
/** Prints, once per file, that the PostgreSQL run is skipped and why. */
export function noticePostgresSkipped(): void {
  if (TEST_DATABASE_URL || noticed) return;
  noticed = true;
  console.warn('PostgreSQL store tests skipped: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run them.');
}

/**
 * For bots under test on PostgreSQL (call inside a describe): a schema of its own, migrated before
 * the tests and dropped after, and the DATABASE_URL that selects it (through the URL's
 * `search_path`, which is how a bot finds its tables; the schema has to exist first).
 */
export function usePostgresSchema(): { readonly schema: string; databaseUrl(base?: string): string } {
  const schema = testSchema();
  let admin: PostgresStore | undefined;
  beforeAll(async () => {
    admin = new PostgresStore({ connectionString: TEST_DATABASE_URL ?? '', schema });
    await admin.migrate();
  });
  afterAll(async () => {
    await admin?.dropSchema();
    await admin?.close();
  });
  return {
    schema,
    databaseUrl(base = TEST_DATABASE_URL ?? '') {
      const url = new URL(base);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return url.href;
    },
  };
}
