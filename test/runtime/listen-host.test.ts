import net from 'node:net';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { useCleanups } from '../helpers/cleanups.ts';
import { FakeSlackApi } from '../slack-stand-in/fake-slack-api.ts';
import { BOT_TOKEN, SIGNING_SECRET, runServe, startHttpBot } from './helpers/run-serve.ts';

const cleanups = useCleanups();

/** An IPv4 address of this machine other than loopback, if it has one. */
const outside = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address;

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('HTTP mode: the address it listens on (HOST)', () => {
  it.skipIf(outside === undefined)('HOST=127.0.0.1: loopback only, not reachable on another interface', async () => {
    const { port, bot } = await startHttpBot(cleanups, { HOST: '127.0.0.1' });
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(await accepts(outside ?? '', port)).toBe(false);
    expect(bot.stdout.entries.find((e) => e['msg'] === 'Listening for Slack requests')).toMatchObject({ host: '127.0.0.1', port });
  });

  it.skipIf(outside === undefined)('by default every IPv4 interface, so Slack can reach it', async () => {
    const { port, bot } = await startHttpBot(cleanups);
    expect(await accepts(outside ?? '', port)).toBe(true);
    expect(await accepts('127.0.0.1', port)).toBe(true);
    expect(bot.stdout.entries.find((e) => e['msg'] === 'Listening for Slack requests')).toMatchObject({ host: '0.0.0.0' });
  });

  it('a HOST that is not an address of this machine: one clear line, exit 1', async () => {
    const api = await new FakeSlackApi().start();
    cleanups.push(() => api.stop());
    // 192.0.2.0/24 is reserved for documentation; .254 is nobody's address here.
    const bot = runServe({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url, HOST: '192.0.2.254' });
    expect(await bot.exit).toBe(1);
    expect(bot.stderr.text).toBe(
      'faqbot: cannot listen on HOST 192.0.2.254: it is not an address of this machine (unset HOST to listen on every interface).\n',
    );
  });
});
