import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let dir: string | undefined;
let count = 0;

/**
 * A fresh SQLite file for one bot under test: every bot a test starts gets its own store, so
 * tests never see each other's questions (and never touch the project's data/ folder).
 */
export function tempDbFile(): string {
  if (!dir) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-test-db-'));
    const created = dir;
    process.once('exit', () => fs.rmSync(created, { recursive: true, force: true }));
  }
  count += 1;
  return path.join(dir, `bot-${process.pid}-${count}.db`);
}

/** `env` with FAQBOT_DB set to a fresh file unless it names a store already. */
export function withTempStore(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return env['FAQBOT_DB'] !== undefined || env['DATABASE_URL'] !== undefined ? env : { ...env, FAQBOT_DB: tempDbFile() };
}
