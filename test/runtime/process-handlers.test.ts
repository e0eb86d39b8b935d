import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/wait-for.ts';
import { FakeSlackApi } from './helpers/fake-slack-api.ts';
import { BOT_TOKEN, SIGNING_SECRET, mentionEvent, signedPost } from './helpers/run-serve.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Child {
  readonly process: ChildProcess;
  readonly lines: Array<Record<string, unknown>>;
  readonly exit: Promise<number | null>;
}

/** `node bin/faqbot.js serve` (what npm start runs), with a fault planter preloaded. */
function startChild(env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, ['--import', path.resolve('test/runtime/fixtures/plant-fault.mjs'), 'bin/faqbot.js', 'serve'], {
    env: { PATH: process.env['PATH'], ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
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
  return { process: child, lines, exit };
}

async function startBot(fault: 'rejection' | 'exception'): Promise<{ child: Child; port: number; api: FakeSlackApi }> {
  const api = await new FakeSlackApi().start();
  cleanups.push(() => api.stop());
  const port = await freePort();
  const child = startChild({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.url,
    PORT: String(port),
    FAQBOT_TEST_FAULT: fault,
  });
  await waitFor(() => child.lines.some((l) => l['msg'] === 'faqbot is ready'), 'the bot to be ready', 15_000);
  return { child, port, api };
}

describe('last-resort process handlers (a real child process)', () => {
  it('an unhandled rejection is logged and the bot keeps answering', async () => {
    const { child, port, api } = await startBot('rejection');
    child.process.kill('SIGUSR2');
    const logged = await waitFor(() => child.lines.find((l) => String(l['msg']).startsWith('Unhandled promise rejection')), 'the rejection to be logged');
    expect(logged).toMatchObject({ level: 'error', error: { message: 'planted rejection' } });

    await signedPost(port, mentionEvent('CAFTER', 'Who founded OpenStack?'));
    await waitFor(() => api.callsTo('chat.postMessage', { channel: 'CAFTER' }).length === 1, 'an answer after the rejection');
    child.process.kill('SIGTERM');
    expect(await child.exit).toBe(0);
  }, 20_000);

  it('an uncaught exception is logged, then the bot shuts down cleanly with exit code 1', async () => {
    const { child } = await startBot('exception');
    child.process.kill('SIGUSR2');
    expect(await child.exit).toBe(1);
    const messages = child.lines.map((l) => l['msg']);
    expect(messages).toContain('Uncaught exception; shutting down');
    expect(child.lines.find((l) => l['msg'] === 'Uncaught exception; shutting down')).toMatchObject({ error: { message: 'planted exception' } });
    expect(messages.at(-1)).toBe('faqbot stopped');
  }, 20_000);
});
