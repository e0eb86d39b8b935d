import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configSecrets, loadConfig, summarizeConfig } from '../src/config.ts';
import { ConfigError } from '../src/errors.ts';

const BOT = 'xoxb-1111-2222-abcdefLEAKbot';
const APP = 'xapp-1-A111-3333-LEAKapp';
const SIGNING = '8f742231b10e8888abcd99yyyzzz85a5';
const seeds = path.resolve('seeds');

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('picks the mode from the credentials present', () => {
    expect(loadConfig({}).mode).toBe('terminal');
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }).mode).toBe('socket');
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING }).mode).toBe('http');
    // Both: Socket Mode, as docs/how-it-works.md says (HTTP mode is "no app token").
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: SIGNING }).mode).toBe('socket');
  });

  it('treats blank variables (a copied .env.example) as unset', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: ' ', SLACK_APP_TOKEN: '', PORT: '', HOST: '', LOG_LEVEL: '' });
    expect(config).toMatchObject({ mode: 'terminal', port: 3000, host: '0.0.0.0', logLevel: 'info' });
  });

  it('fills defaults and normalises values', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, SLACK_API_URL: 'http://127.0.0.1:9/api', LOG_LEVEL: 'DEBUG', PORT: '8080', HOST: '127.0.0.1' });
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', logLevel: 'debug', slackApiUrl: 'http://127.0.0.1:9/api/', corpusDir: seeds });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reports every problem at once, in one ConfigError', () => {
    const problems = problemsOf({
      SLACK_BOT_TOKEN: 'xoxp-user-token',
      SLACK_APP_TOKEN: 'xoxb-not-an-app-token',
      PORT: '70000',
      HOST: 'http://0.0.0.0',
      LOG_LEVEL: 'verbose',
      SLACK_API_URL: 'not a url',
      FAQBOT_CORPUS: '/no/such/folder',
    });
    expect(problems).toHaveLength(7);
    expect(problems.join('\n')).toMatch(/SLACK_BOT_TOKEN must start with "xoxb-".*starts with "xoxp-"/);
    expect(problems.join('\n')).toMatch(/SLACK_APP_TOKEN must start with "xapp-"/);
    expect(problems.join('\n')).toMatch(/PORT must be an integer from 1 to 65535, got "70000"/);
    expect(problems.join('\n')).toMatch(/HOST must be an IP address or a host name to listen on .*, got "http:\/\/0\.0\.0\.0"/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL must be one of debug, info, warn, error/);
    expect(problems.join('\n')).toMatch(/SLACK_API_URL is not a URL/);
    expect(problems.join('\n')).toMatch(/corpus folder \/no\/such\/folder does not exist/);
  });

  it('never quotes a token in a problem', () => {
    const message = (() => {
      try {
        loadConfig({ SLACK_BOT_TOKEN: 'xoxp-leak1-user', SLACK_APP_TOKEN: 'leak2app', SLACK_SIGNING_SECRET: 'has leak3 space' });
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toMatch(/SLACK_BOT_TOKEN.*SLACK_APP_TOKEN/s);
    expect(message).not.toMatch(/leak1|leak2|leak3/);
  });

  it.each([
    [{ SLACK_APP_TOKEN: APP }, /SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not/],
    [{ SLACK_SIGNING_SECRET: SIGNING }, /SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not/],
    [{ SLACK_BOT_TOKEN: BOT }, /neither SLACK_APP_TOKEN \(Socket Mode\) nor SLACK_SIGNING_SECRET \(HTTP mode\)/],
    [{ PORT: '0' }, /PORT must be an integer from 1 to 65535/],
    [{ PORT: '3000.5' }, /PORT must be an integer/],
    [{ PORT: '-1' }, /PORT must be an integer/],
    [{ PORT: '80abc' }, /PORT must be an integer/],
    [{ HOST: '127.0.0.1:3000' }, /HOST must be an IP address or a host name/],
    [{ HOST: 'bad host' }, /HOST must be an IP address or a host name/],
    [{ SLACK_API_URL: 'ftp://example.com/api/' }, /SLACK_API_URL must be an http or https URL/],
    [{ SLACK_API_URL: 'https://example.com/api/?x=1' }, /must not have a query/],
    [{ FAQBOT_CORPUS: 'package.json' }, /is not a folder/],
  ])('rejects %o', (env, problem) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });

  it('reports a corpus folder it may not read', () => {
    // Root reads any folder whatever its mode, and CI runs as root: there the check runs in a child
    // process as the unprivileged user `nobody`, over the compiled config (vitest's globalSetup
    // keeps dist/ fresh), so it is a real permission check everywhere.
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-config-'));
    const dir = path.join(parent, 'corpus');
    fs.mkdirSync(dir);
    fs.chmodSync(parent, 0o755);
    fs.chmodSync(dir, 0o000);
    try {
      const script = `import(${JSON.stringify(pathToFileURL(path.resolve('dist/config.js')).href)}).then((m) => {
        try { m.loadConfig({ FAQBOT_CORPUS: process.argv[1] }); console.log('[]'); } catch (e) { console.log(JSON.stringify(e.problems)); }
      });`;
      const asRoot = process.getuid?.() === 0;
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, dir], { encoding: 'utf8', ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
      expect(JSON.parse(out) as string[]).toEqual([expect.stringMatching(/corpus folder .*corpus cannot be read \(permission denied\)/)]);
    } finally {
      fs.chmodSync(dir, 0o700);
      fs.rmSync(parent, { recursive: true });
    }
  });

  it.each([
    ['0.0.0.0', '0.0.0.0'],
    ['::', '::'],
    ['[::1]', '::1'],
    ['localhost', 'localhost'],
    ['bot.internal.example', 'bot.internal.example'],
  ])('accepts HOST=%s', (raw, host) => {
    expect(loadConfig({ HOST: raw }).host).toBe(host);
  });

  it('resolves a relative corpus folder against the given working directory', () => {
    expect(loadConfig({ FAQBOT_CORPUS: 'seeds' }, path.resolve('.')).corpusDir).toBe(seeds);
  });
});

describe('summarizeConfig', () => {
  it('hides credentials in SLACK_API_URL and lists them as secrets', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, SLACK_API_URL: 'https://proxyuser:hunter2pw@proxy.example/api/' });
    expect(summarizeConfig(config)['slackApiUrl']).toBe('https://****@proxy.example/api/');
    expect(configSecrets(config)).toContain('hunter2pw');
  });

  it('masks every secret but keeps what helps to debug', () => {
    const summary = JSON.stringify(summarizeConfig(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: SIGNING })));
    expect(summary).not.toContain('LEAK');
    expect(summary).not.toContain(SIGNING);
    expect(summary).toContain('xoxb-****');
    expect(summary).toContain('xapp-****');
    expect(summary).toContain('"mode":"socket"');
  });
});

describe('the store settings', () => {
  it('default to the SQLite file under data/, 90 days, replica "local"', () => {
    const { store } = loadConfig({});
    expect(store.location).toEqual({ kind: 'sqlite', file: path.resolve('data/faqbot.db') });
    expect(store).toMatchObject({ retainDays: 90, replicaId: 'local' });
  });

  it('DATABASE_URL selects PostgreSQL; its password is redacted from logs', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://bot:s3cret-pw@db.internal:5432/faqbot', FAQBOT_REPLICA_ID: 'pod-a', FAQBOT_RETAIN_DAYS: '30' });
    expect(config.store).toMatchObject({ location: { kind: 'postgres' }, replicaId: 'pod-a', retainDays: 30 });
    expect(configSecrets(config)).toContain('s3cret-pw');
    expect(JSON.stringify(summarizeConfig(config))).not.toContain('s3cret-pw');
  });

  it('reports bad store settings with the rest', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://x', FAQBOT_DB: 'a.db', FAQBOT_RETAIN_DAYS: 'forever', FAQBOT_REPLICA_ID: 'a b', SLACK_TIMEOUT_MS: '5', FAQBOT_CURATION_POLL_MS: 'often' });
    expect(problems).toHaveLength(6);
    expect(problems).toContain('FAQBOT_CURATION_POLL_MS must be a number of milliseconds, at least 100, got "often".');
  });
});

describe('FAQBOT_CURATORS', () => {
  it('is nobody when unset, else the user and user group ids, each once, spaces and empty items ignored', () => {
    expect(loadConfig({}).curators).toEqual([]);
    expect(loadConfig({ FAQBOT_CURATORS: ' U0ALICE, W0BOB,,S0CURATORS ,U0ALICE' }).curators).toEqual(['U0ALICE', 'W0BOB', 'S0CURATORS']);
  });

  it('refuses names and e-mail addresses, naming them and saying where the id is', () => {
    const problems = problemsOf({ FAQBOT_CURATORS: 'U0ALICE,@bob,carol@example.com' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('"@bob", "carol@example.com"');
    expect(problems[0]).toContain('Copy member ID');
  });
});

describe('.env.example', () => {
  it('lists every variable, each with a comment, and as copied (all blank) means the terminal chat', async () => {
    const { default: dotenv } = await import('dotenv');
    const text = fs.readFileSync('.env.example', 'utf8');
    const parsed = dotenv.parse(text);
    expect(Object.keys(parsed).sort()).toEqual(
      [
        'FAQBOT_CORPUS', 'HOST', 'LOG_LEVEL', 'PORT', 'SLACK_API_URL', 'SLACK_APP_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET',
        'FAQBOT_DB', 'DATABASE_URL', 'FAQBOT_RETAIN_DAYS', 'FAQBOT_REPLICA_ID', 'SLACK_TIMEOUT_MS',
        'FAQBOT_CURATION_POLL_MS', 'FAQBOT_CURATORS',
      ].sort(),
    );
    for (const name of Object.keys(parsed)) expect(text).toMatch(new RegExp(`#[^\\n]*\\n${name}=`));
    expect(loadConfig(parsed).mode).toBe('terminal');
  });
});
