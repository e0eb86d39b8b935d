import { PassThrough, Readable } from 'node:stream';
import { run } from '../../src/cli/main.ts';

/** Runs the CLI in-process with captured streams, as a user would from a terminal. */
export async function runCli(argv: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await run(argv, { stdout, stderr, stdin: Readable.from([options.stdin ?? '']), env: options.env ?? {} });
  return { code, stdout: out, stderr: err };
}
