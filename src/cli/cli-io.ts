import type { Readable, Writable } from 'node:stream';

/** What a CLI command may touch: injected so tests drive commands without a process. */
export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin: Readable;
  readonly env: NodeJS.ProcessEnv;
}

export function writeLine(stream: Writable, line: string): void {
  stream.write(`${line}\n`);
}
