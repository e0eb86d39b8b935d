import { spawn } from 'node:child_process';
import net from 'node:net';
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

describe('shutdown while a call waits out a 429 (a real child process)', () => {
  it('the wait does not keep the process alive: it exits at once on "stop now", and posts nothing late', async () => {
    const api = await new FakeSlackApi((call) =>
      call.method === 'chat.postMessage' ? { status: 429, headers: { 'retry-after': '60' } } : undefined,
    ).start();
    cleanups.push(() => api.stop());
    const port = await freePort();
    const child = spawn(process.execPath, ['bin/faqbot.js', 'serve'], {
      env: { PATH: process.env['PATH'], SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    cleanups.push(async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exit;
    });
    await waitFor(() => output.includes('"faqbot is ready"'), 'the bot to be ready', 15_000);

    await signedPost(port, mentionEvent('CLIMITED', 'Who founded OpenStack?'));
    await waitFor(() => output.includes('"retryAfterSec":60'), 'the 60 s wait to start');
    const stopping = Date.now();
    // The second signal means "stop now": the answer waiting out its 60 s is abandoned.
    child.kill('SIGTERM');
    await waitFor(() => output.includes('Shutting down'), 'shutdown to start');
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(5_000);
    expect(output).toContain('Stopped without finishing every answer in flight');
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
  }, 20_000);
});
