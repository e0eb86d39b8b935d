import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { run } from '../../src/cli/main.ts';

let calls = 0;
/**
 * Without an env of its own a command gets a store path that does not exist: `ask` and `check` read
 * the bot's store when there is one (data/faqbot.db by default), and a test must not read a
 * developer's.
 */
function noStoreEnv(): NodeJS.ProcessEnv {
  calls += 1;
  return { FAQBOT_DB: path.join(os.tmpdir(), `faqbot-no-store-${process.pid}-${calls}.db`) };
}

/** Runs the CLI in-process with captured streams, as a user would from a terminal. */
export async function runCli(argv: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await run(argv, { stdout, stderr, stdin: Readable.from([options.stdin ?? '']), env: options.env ?? noStoreEnv() });
  return { code, stdout: out, stderr: err };
}
