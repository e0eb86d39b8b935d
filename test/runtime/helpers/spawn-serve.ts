import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Cleanup } from '../../helpers/cleanups.ts';
import { waitFor } from '../../helpers/wait-for.ts';
import { withTempStore } from '../../helpers/temp-db.ts';
import { FakeSlackApi, type ApiHandler } from '../../slack-stand-in/fake-slack-api.ts';
import { freePort } from '../../slack-stand-in/free-port.ts';
import { BOT_TOKEN, SIGNING_SECRET } from './run-serve.ts';

export interface ServeChild {
  readonly process: ChildProcess;
  /** Everything written to stdout so far. */
  readonly output: string;
  /** stdout's JSON log lines so far, parsed. */
  readonly lines: Array<Record<string, unknown>>;
  /** The exit code (null when a signal ended it). */
  readonly exit: Promise<number | null>;
}

/**
 * `node bin/faqbot.js serve` (what npm start runs) in a child process with only PATH and `env`,
 * `preload` (a module path) given to `--import` first. After the test it is killed if still running.
 */
function spawnServe(cleanups: Cleanup[], env: NodeJS.ProcessEnv, options: { preload?: string } = {}): ServeChild {
  const preload = options.preload ? ['--import', path.resolve(options.preload)] : [];
  const child = spawn(process.execPath, [...preload, 'bin/faqbot.js', 'serve'], {
    env: withTempStore({ PATH: process.env['PATH'], ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const lines: Array<Record<string, unknown>> = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const line of parts) if (line.startsWith('{')) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exit;
  });
  return {
    process: child,
    get output() {
      return output;
    },
    lines,
    exit,
  };
}

/**
 * A bot child process (spawnServe) on a free port against a fresh FakeSlackApi (answering with
 * `handler`, if given; or `api`, shared with an earlier bot), with the bot token, signing secret, API URL and PORT set and `env` on top;
 * resolves once it logs that it is ready. After the test the child is killed if still running,
 * then the API stopped.
 */
export async function startChildBot(
  cleanups: Cleanup[],
  options: { env?: NodeJS.ProcessEnv; handler?: ApiHandler; preload?: string; api?: FakeSlackApi } = {},
): Promise<{ api: FakeSlackApi; port: number; child: ServeChild }> {
  // A given stand-in is the caller's to stop: a restarted bot keeps talking to the same "Slack".
  const api = options.api ?? (await new FakeSlackApi(options.handler).start());
  if (!options.api) cleanups.push(() => api.stop());
  const port = await freePort();
  const child = spawnServe(
    cleanups,
    { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url, PORT: String(port), ...options.env },
    options.preload ? { preload: options.preload } : {},
  );
  await waitFor(() => child.lines.some((l) => l['msg'] === 'faqbot is ready'), 'the bot to be ready', 45_000);
  return { api, port, child };
}

/** A stand-in Slack for several bot processes in turn (or at once), stopped after the test. */
export async function startSharedApi(cleanups: Cleanup[], handler?: ApiHandler): Promise<FakeSlackApi> {
  const api = await new FakeSlackApi(handler).start();
  cleanups.push(() => api.stop());
  return api;
}
