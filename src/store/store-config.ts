import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoreConfig } from './open-store.ts';

/** The project's `data/` folder (git-ignored): where the default SQLite file lives. */
export const DEFAULT_DB_FILE = fileURLToPath(new URL('../../data/faqbot.db', import.meta.url));

/** How long question texts are kept by default (FAQBOT_RETAIN_DAYS). */
export const DEFAULT_RETAIN_DAYS = 90;

export interface StoreSettings {
  readonly location: StoreConfig;
  /** FAQBOT_RETAIN_DAYS: question texts older than this are purged (the record stays). */
  readonly retainDays: number;
  /**
   * FAQBOT_REPLICA_ID: whose claims are whose. A restart with the same id resumes its own claims
   * at once; others wait for the lease to run out. Default: the host name for PostgreSQL (one
   * replica per host or pod), `local` for SQLite (one process per file).
   */
  readonly replicaId: string;
}

/**
 * Reads DATABASE_URL (PostgreSQL, shared by replicas) or FAQBOT_DB (the SQLite file, default
 * `data/faqbot.db` in the project), FAQBOT_RETAIN_DAYS and FAQBOT_REPLICA_ID; problems go to
 * `problems`, as loadConfig collects them.
 */
export function readStoreConfig(env: NodeJS.ProcessEnv, cwd: string, problems: string[]): StoreSettings {
  const url = env['DATABASE_URL']?.trim();
  const file = env['FAQBOT_DB']?.trim();
  let location: StoreConfig;
  if (url) {
    if (!/^postgres(?:ql)?:\/\//.test(url)) problems.push('DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/database).');
    if (file) problems.push('Both DATABASE_URL and FAQBOT_DB are set: unset one (DATABASE_URL selects PostgreSQL, FAQBOT_DB the SQLite file).');
    location = { kind: 'postgres', url };
  } else {
    location = { kind: 'sqlite', file: file ? (file === ':memory:' ? file : path.resolve(cwd, file)) : DEFAULT_DB_FILE };
  }
  const rawDays = env['FAQBOT_RETAIN_DAYS']?.trim();
  let retainDays = DEFAULT_RETAIN_DAYS;
  if (rawDays) {
    retainDays = /^\d{1,5}$/.test(rawDays) ? Number(rawDays) : Number.NaN;
    if (!(retainDays >= 1)) {
      problems.push(`FAQBOT_RETAIN_DAYS must be a whole number of days, at least 1, got "${rawDays}".`);
      retainDays = DEFAULT_RETAIN_DAYS;
    }
  }
  const rawReplica = env['FAQBOT_REPLICA_ID']?.trim();
  if (rawReplica && !/^[\w.:-]{1,100}$/.test(rawReplica)) problems.push('FAQBOT_REPLICA_ID may hold letters, digits and . _ : - (at most 100).');
  const replicaId = rawReplica || (location.kind === 'postgres' ? os.hostname() : 'local');
  return { location, retainDays, replicaId };
}

/** The password in a database URL, for the log redactor. */
export function urlPasswordOf(url: string): string | undefined {
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password || undefined;
  } catch {
    return undefined;
  }
}
