import fs from 'node:fs';
import net from 'node:net';
import { ConfigError } from './errors.ts';
import { resolveCorpusDir } from './resolve-corpus-dir.ts';
import { describeStore } from './store/open-store.ts';
import { readStoreConfig, urlPasswordOf, type StoreSettings } from './store/store-config.ts';

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

/** What every mode reads, Slack or not. */
interface CommonConfig {
  /** SLACK_API_URL: base URL of the Slack Web API, always ending in `/` (e.g. http://127.0.0.1:9999/api/). */
  readonly slackApiUrl?: string;
  /** PORT for HTTP mode, default 3000. */
  readonly port: number;
  /**
   * HOST: the address HTTP mode listens on, default 0.0.0.0 (every IPv4 interface, since Slack
   * must reach it). 127.0.0.1 behind a reverse proxy on the same machine; `::` for IPv6 as well.
   */
  readonly host: string;
  /** FAQBOT_CORPUS (relative to the working directory), default the project's seeds/; absolute. */
  readonly corpusDir: string;
  /** LOG_LEVEL: debug | info | warn | error, default info. */
  readonly logLevel: LogLevelName;
  /**
   * SLACK_TIMEOUT_MS: longest one Web API call may take, default 10,000. An answer whose post
   * timed out is looked for in the thread before it is posted again.
   */
  readonly slackTimeoutMs: number;
  /** DATABASE_URL / FAQBOT_DB, FAQBOT_RETAIN_DAYS, FAQBOT_REPLICA_ID. */
  readonly store: StoreSettings;
  /**
   * FAQBOT_CURATION_POLL_MS: how often each replica asks the store whether curators changed
   * anything (a cheap MAX(id)), default 3,000; a change rebuilds the engine with it.
   */
  readonly curationPollMs: number;
  /**
   * FAQBOT_CURATORS: who may curate in App Home, as Slack user ids (`U…`, `W…`) and user group ids
   * (`S…`, members looked up with usergroups.users.list). Empty: nobody (App Home shows no inbox).
   */
  readonly curators: readonly string[];
}

/** SLACK_BOT_TOKEN + SLACK_APP_TOKEN: Socket Mode (a signing secret set as well is kept, unused). */
export interface SocketConfig extends CommonConfig {
  readonly mode: 'socket';
  readonly botToken: string;
  readonly appToken: string;
  readonly signingSecret?: string;
}

/** SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET, no app token: HTTP mode on HOST:PORT. */
export interface HttpConfig extends CommonConfig {
  readonly mode: 'http';
  readonly botToken: string;
  readonly signingSecret: string;
}

/** No Slack credentials: the terminal chat. */
export interface TerminalConfig extends CommonConfig {
  readonly mode: 'terminal';
}

/** The configuration, by mode: each mode carries exactly the credentials it needs, never optional. */
export type Config = SocketConfig | HttpConfig | TerminalConfig;
/** A configuration that connects to Slack. */
export type SlackConfig = SocketConfig | HttpConfig;
export type RunMode = Config['mode'];

const LOG_LEVELS: readonly LogLevelName[] = ['debug', 'info', 'warn', 'error'];

/** The variables that connect faqbot to Slack, for the one-line hint in terminal mode and in errors. */
export const SLACK_HINT =
  'Terminal chat: set SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode) or with SLACK_SIGNING_SECRET (HTTP mode) to connect to Slack.';

/** An unset variable and one set to blanks (a copied `.env.example` line `SLACK_APP_TOKEN=`) mean the same. */
function read(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/**
 * Reads the environment into a frozen Config, checking everything at once: the whole list of
 * problems comes back in one ConfigError, so a person fixes their `.env` in one go rather than
 * one restart per mistake. Secret values are never quoted in the problems.
 *
 * @example loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).mode // 'http'
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const problems: string[] = [];
  const botToken = read(env, 'SLACK_BOT_TOKEN');
  const appToken = read(env, 'SLACK_APP_TOKEN');
  const signingSecret = read(env, 'SLACK_SIGNING_SECRET');

  checkToken(problems, 'SLACK_BOT_TOKEN', botToken, 'xoxb-', 'the bot token from OAuth & Permissions');
  checkToken(problems, 'SLACK_APP_TOKEN', appToken, 'xapp-', 'an app-level token with connections:write, from Basic Information');
  if (signingSecret !== undefined && /\s/.test(signingSecret)) {
    problems.push('SLACK_SIGNING_SECRET contains whitespace: copy it again from Basic Information → App Credentials.');
  }
  if (botToken === undefined && appToken !== undefined) {
    problems.push('SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not: Socket Mode needs both.');
  }
  if (botToken === undefined && signingSecret !== undefined && appToken === undefined) {
    problems.push('SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not: HTTP mode needs both.');
  }
  if (botToken !== undefined && appToken === undefined && signingSecret === undefined) {
    problems.push(
      'SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is.',
    );
  }

  const port = parsePort(problems, read(env, 'PORT'));
  const host = parseHost(problems, read(env, 'HOST'));
  const logLevel = parseLogLevel(problems, read(env, 'LOG_LEVEL'));
  const slackApiUrl = parseApiUrl(problems, read(env, 'SLACK_API_URL'));
  const corpusDir = resolveCorpusDir(env['FAQBOT_CORPUS'], cwd);
  checkCorpusDir(problems, corpusDir);
  const store = readStoreConfig(env, cwd, problems);
  const slackTimeoutMs = parseTimeout(problems, read(env, 'SLACK_TIMEOUT_MS'));
  const curationPollMs = parseMs(problems, 'FAQBOT_CURATION_POLL_MS', read(env, 'FAQBOT_CURATION_POLL_MS'), 3_000);
  const curators = parseCurators(problems, read(env, 'FAQBOT_CURATORS'));

  if (problems.length > 0) throw new ConfigError(problems);
  const common = { ...(slackApiUrl !== undefined ? { slackApiUrl } : {}), port, host, corpusDir, logLevel, slackTimeoutMs, store, curationPollMs, curators };
  // The checks above leave three shapes: no bot token; bot + app token; bot token + signing secret.
  if (botToken === undefined) return Object.freeze({ mode: 'terminal', ...common });
  if (appToken !== undefined) {
    return Object.freeze({ mode: 'socket', botToken, appToken, ...(signingSecret !== undefined ? { signingSecret } : {}), ...common });
  }
  return Object.freeze({ mode: 'http', botToken, signingSecret: signingSecret!, ...common });
}

function checkToken(problems: string[], name: string, value: string | undefined, prefix: string, what: string): void {
  if (value === undefined) return;
  if (!value.startsWith(prefix)) {
    // Say which kind it looks like, without echoing the secret itself.
    const seen = /^(xox[a-z]-|xapp-)/.exec(value)?.[1];
    problems.push(`${name} must start with "${prefix}" (${what})${seen ? `; this one starts with "${seen}"` : ''}.`);
  } else if (/\s/.test(value)) {
    problems.push(`${name} contains whitespace: copy it again.`);
  }
}

function parsePort(problems: string[], raw: string | undefined): number {
  if (raw === undefined) return 3000;
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(port >= 1 && port <= 65535)) {
    problems.push(`PORT must be an integer from 1 to 65535, got "${raw}".`);
    return 3000;
  }
  return port;
}

/** An IP address (IPv4, or IPv6 with or without brackets) or a host name such as `localhost`. */
function parseHost(problems: string[], raw: string | undefined): string {
  if (raw === undefined) return '0.0.0.0';
  const unbracketed = /^\[(.*)\]$/.exec(raw)?.[1] ?? raw;
  if (net.isIP(unbracketed) !== 0) return unbracketed;
  if (/^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/.test(raw)) return raw;
  problems.push(`HOST must be an IP address or a host name to listen on (e.g. 0.0.0.0, 127.0.0.1 or ::), got "${raw}".`);
  return '0.0.0.0';
}

function parseTimeout(problems: string[], raw: string | undefined): number {
  return parseMs(problems, 'SLACK_TIMEOUT_MS', raw, 10_000);
}

/** A number of milliseconds, at least 100, or `fallback` when unset (a problem when malformed). */
function parseMs(problems: string[], name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const ms = /^\d{1,7}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(ms >= 100)) {
    problems.push(`${name} must be a number of milliseconds, at least 100, got "${raw}".`);
    return fallback;
  }
  return ms;
}

/**
 * `U0ALICE, W0BOB,S0CURATORS` → the ids, each once. Names (`@alice`, `alice@example.com`) are
 * refused with a hint: Slack's API speaks ids, and a name that silently matched nobody would lock
 * every curator out without a word.
 */
function parseCurators(problems: string[], raw: string | undefined): readonly string[] {
  if (raw === undefined) return Object.freeze([]);
  const ids = raw.split(',').map((id) => id.trim()).filter((id) => id !== '');
  const bad = ids.filter((id) => !/^[UWS][A-Z0-9]{2,40}$/.test(id));
  if (bad.length > 0) {
    problems.push(
      `FAQBOT_CURATORS must be Slack user ids (U… or W…) or user group ids (S…), comma-separated; not ${bad.map((id) => `"${id}"`).join(', ')} ` +
        "(a person's id is under their profile → ⋯ → Copy member ID).",
    );
  }
  return Object.freeze([...new Set(ids.filter((id) => !bad.includes(id)))]);
}

function parseLogLevel(problems: string[], raw: string | undefined): LogLevelName {
  if (raw === undefined) return 'info';
  const level = LOG_LEVELS.find((l) => l === raw.toLowerCase());
  if (level === undefined) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}".`);
    return 'info';
  }
  return level;
}

function parseApiUrl(problems: string[], raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`SLACK_API_URL is not a URL: "${raw}" (expected e.g. https://slack.com/api/).`);
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.push(`SLACK_API_URL must be an http or https URL, got "${url.protocol}".`);
    return undefined;
  }
  if (url.search || url.hash) {
    problems.push('SLACK_API_URL must not have a query or fragment: method names are appended to it.');
    return undefined;
  }
  // web-api appends the method name ("chat.postMessage") to this base, so it must end in a slash.
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function checkCorpusDir(problems: string[], dir: string): void {
  try {
    if (!fs.statSync(dir).isDirectory()) {
      problems.push(`FAQBOT_CORPUS ${dir} is not a folder.`);
      return;
    }
    fs.accessSync(dir, fs.constants.R_OK | fs.constants.X_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? 'error'})`;
    problems.push(`The corpus folder ${dir} ${why}: set FAQBOT_CORPUS to a folder of .txt/.md articles and faq.yml.`);
  }
}

/** Masks a secret for display: enough to tell which token it is, never enough to use it. */
export function maskSecret(value: string): string {
  const prefix = /^(xox[a-z]-|xapp-)/.exec(value)?.[1] ?? '';
  return `${prefix}****(${value.length} chars)`;
}

/** A one-object summary of the configuration, safe to log: tokens and the signing secret are masked. */
export function summarizeConfig(config: Config): Record<string, string | number> {
  return {
    mode: config.mode,
    ...Object.fromEntries(Object.entries(credentials(config)).map(([name, value]) => [name, maskSecret(value)])),
    slackApiUrl: config.slackApiUrl ? withoutCredentials(config.slackApiUrl) : 'https://slack.com/api/ (default)',
    ...(config.mode === 'http' ? { host: config.host, port: config.port } : {}),
    corpusDir: config.corpusDir,
    logLevel: config.logLevel,
    store: describeStore(config.store.location),
    retainDays: config.store.retainDays,
    replicaId: config.store.replicaId,
    curationPollMs: config.curationPollMs,
    curators: config.curators.length > 0 ? config.curators.join(',') : 'none',
  };
}

/** A staging proxy URL may carry `user:password@`: show that it does, not what it is. */
function withoutCredentials(href: string): string {
  const url = new URL(href);
  if (!url.username && !url.password) return href;
  url.username = '****';
  url.password = '';
  return url.href;
}

/** Every secret value in the config, for the log redactor. */
export function configSecrets(config: Config): string[] {
  const urlPassword = config.slackApiUrl ? decodeURIComponent(new URL(config.slackApiUrl).password) : '';
  const dbPassword = config.store.location.kind === 'postgres' ? urlPasswordOf(config.store.location.url) : undefined;
  return [...Object.values(credentials(config)), ...(urlPassword ? [urlPassword] : []), ...(dbPassword ? [dbPassword] : [])];
}

/** The Slack credentials a config carries, by name (none in terminal mode). */
function credentials(config: Config): Partial<Record<'botToken' | 'appToken' | 'signingSecret', string>> {
  switch (config.mode) {
    case 'terminal':
      return {};
    case 'http':
      return { botToken: config.botToken, signingSecret: config.signingSecret };
    case 'socket':
      return { botToken: config.botToken, appToken: config.appToken, ...(config.signingSecret !== undefined ? { signingSecret: config.signingSecret } : {}) };
  }
}
