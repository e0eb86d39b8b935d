import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../slack-stand-in/fake-slack-api.ts';
import { BOT_TOKEN, SIGNING_SECRET } from './helpers/run-serve.ts';
import { freePort } from '../slack-stand-in/free-port.ts';

const stops: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** Polls an async probe every 100 ms until it holds, or fails after `timeoutMs`. */
async function until(probe: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function healthz(port: number): Promise<number | 'down'> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).status;
  } catch {
    return 'down';
  }
}

describe('npm start as a process manager runs it', () => {
  // A platform sends SIGTERM to the process it started: npm. npm passes it to its child; unless the
  // script execs node, that child is a shell that dies and leaves the bot running, orphaned.
  it('stops the bot itself when npm gets SIGTERM', async () => {
    const api = await new FakeSlackApi().start();
    stops.push(() => api.stop());
    const port = await freePort();
    const npm = spawn('npm', ['start', '--silent'], {
      env: { PATH: process.env['PATH'], HOME: process.env['HOME'], SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url, PORT: String(port), HOST: '127.0.0.1' },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => npm.on('exit', () => resolve()));
    stops.push(() => {
      npm.kill('SIGKILL');
    });
    await until(async () => (await healthz(port)) === 200, 'the bot to be ready', 60_000);
    npm.kill('SIGTERM');
    await exited;
    await until(async () => (await healthz(port)) === 'down', 'the bot to stop listening', 15_000);
    expect(await healthz(port)).toBe('down');
  }, 120_000);
});
