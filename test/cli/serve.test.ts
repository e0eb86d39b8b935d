import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { serve } from '../../src/cli/serve.ts';
import { useCleanups } from '../helpers/cleanups.ts';
import { loadEngineSharingSeeds } from '../helpers/seeds-engine.ts';
import { Capture } from '../runtime/helpers/capture.ts';
import { FakeSlackApi } from '../slack-stand-in/fake-slack-api.ts';
import { BOT_TOKEN, SIGNING_SECRET, mentionEvent, runServe, signedPost, startHttpBot } from '../runtime/helpers/run-serve.ts';
import { breakFirstQuote, copySeeds } from '../runtime/helpers/temp-corpus.ts';

const cleanups = useCleanups();

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-serve-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function runOnce(env: NodeJS.ProcessEnv, input = '', cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const stdin = new PassThrough();
  stdin.end(input);
  const code = await serve({ env, stdin, stdout, stderr, loadEngine: loadEngineSharingSeeds, ...(cwd ? { cwd } : {}) });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('serve: configuration', () => {
  it('reports every problem in one message, exit 2, no stack trace and no secret', async () => {
    const { code, stderr, stdout } = await runOnce({
      SLACK_BOT_TOKEN: 'xoxp-user-leaky',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      FAQBOT_CORPUS: '/nonexistent/corpus',
    });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^faqbot: Configuration problems:\n/);
    for (const name of ['SLACK_BOT_TOKEN', 'PORT', 'LOG_LEVEL', '/nonexistent/corpus']) expect(stderr).toContain(name);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).not.toContain('leaky');
    expect(stderr).not.toContain(SIGNING_SECRET);
  });

  it('reads .env from the working directory, the real environment winning', async () => {
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, '.env'), 'PORT=99999\nLOG_LEVEL=loud\n');
    const { code, stderr } = await runOnce({ LOG_LEVEL: 'warn', FAQBOT_CORPUS: path.resolve('seeds') }, '', cwd);
    expect(code).toBe(2);
    expect(stderr).toContain('PORT must be an integer from 1 to 65535, got "99999"');
    expect(stderr).not.toContain('LOG_LEVEL');
  });
});

describe('serve: corpus faults at start-up', () => {
  it('terminal mode: a bad faq.yml names the file and line, exit 1', async () => {
    const corpus = copySeeds();
    cleanups.push(() => fs.rmSync(corpus, { recursive: true }));
    breakFirstQuote(corpus);
    const { code, stderr } = await runOnce({ FAQBOT_CORPUS: corpus });
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`faqbot: cannot load the corpus: ${corpus}/faq.yml:\\d+: entry "[^"]+": quote not found`));
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('HTTP mode: a bad faq.yml names the file and line, exit 1, and the port is released', async () => {
    const api = await new FakeSlackApi().start();
    cleanups.push(() => api.stop());
    const corpus = copySeeds();
    cleanups.push(() => fs.rmSync(corpus, { recursive: true }));
    fs.writeFileSync(path.join(corpus, 'faq.yml'), 'entries:\n  - id: x\n    question: [unclosed\n');
    const bot = runServe({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url, FAQBOT_CORPUS: corpus });
    expect(await bot.exit).toBe(1);
    expect(bot.stderr.text).toMatch(new RegExp(`cannot load the corpus: ${corpus}/faq.yml:\\d+: YAML syntax error`));
    expect(bot.stdout.entries.at(-1)).toMatchObject({ level: 'error' });
  });
});

describe('serve: Slack credentials refused at start-up', () => {
  it('invalid_auth from auth.test: one clear line, exit 1, no unhandled rejection', async () => {
    const api = await new FakeSlackApi((call) => (call.method === 'auth.test' ? { ok: false, error: 'invalid_auth' } : undefined)).start();
    cleanups.push(() => api.stop());
    const bot = runServe({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url });
    expect(await bot.exit).toBe(1);
    expect(bot.stderr.text).toBe(
      'faqbot: Slack rejected SLACK_BOT_TOKEN (invalid_auth): the token is not valid. Copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions.\n',
    );
    // Not retried: a refused token does not get better by asking again.
    expect(api.callsTo('auth.test')).toHaveLength(1);
    expect(bot.stdout.text).not.toContain(BOT_TOKEN);
  });

  it('an unreachable Slack API: says where it tried, exit 1', async () => {
    const api = await new FakeSlackApi().start();
    const url = api.url;
    await api.stop();
    const bot = runServe({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: url });
    expect(await bot.exit).toBe(1);
    expect(bot.stderr.text).toContain(`Cannot reach the Slack Web API at ${url}`);
  });
});

describe('serve: HTTP mode requests', () => {
  const startBot = () => startHttpBot(cleanups, { LOG_LEVEL: 'debug' });

  it('answers a signed mention in its thread and says ready on /healthz', async () => {
    const { api, port } = await startBot();
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const response = await signedPost(port, mentionEvent('CGENERAL', 'Who founded OpenStack?', '1700000001.000100'));
    expect(response.status).toBe(200);
    const post = await waitForCall(api, 'chat.postMessage');
    expect(post.params).toMatchObject({ channel: 'CGENERAL', thread_ts: '1700000001.000100' });
    expect(post.params['text']).toMatch(/Rackspace/);
  });

  it('never handles an unsigned, wrongly signed or stale request (401), nor an oversized one (413)', async () => {
    const { api, port, bot } = await startBot();
    const body = mentionEvent('CGENERAL', 'Who founded OpenStack?');
    expect((await signedPost(port, body, { signature: null })).status).toBe(401);
    expect((await signedPost(port, body, { secret: 'not-the-signing-secret' })).status).toBe(401);
    expect((await signedPost(port, body, { signature: 'v0=00' })).status).toBe(401);
    // Slack's rule: more than five minutes old is a replay.
    expect((await signedPost(port, body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status).toBe(401);
    const huge = JSON.stringify({ type: 'event_callback', padding: 'x'.repeat(2 * 1024 * 1024) });
    expect((await signedPost(port, huge)).status).toBe(413);
    // Let any work those requests could have started run out, then check that none was.
    const ok = await signedPost(port, mentionEvent('CCHECK', 'Who founded OpenStack?'));
    expect(ok.status).toBe(200);
    await waitForCall(api, 'chat.postMessage');
    expect(api.callsTo('chat.postMessage').map((c) => c.params['channel'])).toEqual(['CCHECK']);
    expect(bot.stdout.text).not.toContain(SIGNING_SECRET);
  });

  it('answers /faq through its response_url after acking it (commands keep Bolt’s ack flow)', async () => {
    const { api, port } = await startBot();
    const form = new URLSearchParams({
      command: '/faq',
      text: 'Who founded OpenStack?',
      user_id: 'UASKER',
      user_name: 'asker',
      channel_id: 'CGENERAL',
      team_id: 'T1',
      api_app_id: 'A1',
      trigger_id: 't.1',
      response_url: `${api.url.replace('/api/', '')}/respond/faq-1`,
    }).toString();
    const response = await signedPost(port, form, { contentType: 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(200);
    const reply = await waitForCall(api, '/respond/faq-1');
    expect(reply.params['response_type']).toBe('ephemeral');
    expect(reply.params['text']).toMatch(/Rackspace/);
  });

  it('answers 404 elsewhere and 405 to the wrong method', async () => {
    const { port } = await startBot();
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/slack/events`)).status).toBe(405);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('logs JSON lines with the configuration summarised and every secret redacted', async () => {
    const { bot } = await startBot();
    const start = bot.stdout.entries.find((e) => e['msg'] === 'Starting faqbot');
    expect(start?.['config']).toMatchObject({ mode: 'http', botToken: expect.stringMatching(/^xoxb-\*\*\*\*/), signingSecret: expect.stringMatching(/^\*\*\*\*/) });
    expect(bot.stdout.text).not.toContain(BOT_TOKEN);
    expect(bot.stdout.text).not.toContain(SIGNING_SECRET);
  });
});

async function waitForCall(api: FakeSlackApi, method: string, match: Record<string, string> = {}): Promise<(typeof api.calls)[number]> {
  for (let i = 0; i < 500; i += 1) {
    const call = api.callsTo(method, match)[0];
    if (call) return call;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no ${method} call arrived`);
}
