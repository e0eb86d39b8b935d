import { sql as inbox } from './001-inbox.ts';
import { sql as feedback } from './002-feedback.ts';
import { sql as seenRequests } from './003-seen-requests.ts';
import { sql as curation } from './004-curation.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * The schema, as numbered migrations applied in order at start-up, each once (recorded in
 * `schema_migrations`). Never edit one that has shipped: add the next number. TypeScript modules
 * holding SQL rather than .sql files, so a compiled build carries them without a copy step.
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'inbox', sql: inbox },
  { version: 2, name: 'feedback', sql: feedback },
  { version: 3, name: 'seen-requests', sql: seenRequests },
  { version: 4, name: 'curation', sql: curation },
];

export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at BIGINT NOT NULL
)`;
