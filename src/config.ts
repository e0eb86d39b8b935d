// PROVISIONAL: the runtime helper owns this file and replaces loadConfig with the full validation
// (issue 5). The Config shape below is the contract between the CLI, serve and the Slack layer.
import path from 'node:path';

export type RunMode = 'socket' | 'http' | 'terminal';

export interface Config {
  /** socket: SLACK_BOT_TOKEN + SLACK_APP_TOKEN; http: SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET; terminal: neither. */
  readonly mode: RunMode;
  readonly botToken?: string;
  readonly appToken?: string;
  readonly signingSecret?: string;
  /** SLACK_API_URL: base URL of the Slack Web API (e.g. http://127.0.0.1:9999/api/). */
  readonly slackApiUrl?: string;
  /** PORT for HTTP mode, default 3000. */
  readonly port: number;
  /** FAQBOT_CORPUS, default seeds/ (absolute). */
  readonly corpusDir: string;
  /** LOG_LEVEL: debug | info | warn | error, default info. */
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const mode: RunMode = env.SLACK_BOT_TOKEN ? (env.SLACK_APP_TOKEN ? 'socket' : 'http') : 'terminal';
  return Object.freeze({
    mode,
    ...(env.SLACK_BOT_TOKEN ? { botToken: env.SLACK_BOT_TOKEN } : {}),
    ...(env.SLACK_APP_TOKEN ? { appToken: env.SLACK_APP_TOKEN } : {}),
    ...(env.SLACK_SIGNING_SECRET ? { signingSecret: env.SLACK_SIGNING_SECRET } : {}),
    ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}),
    port: env.PORT ? Number(env.PORT) : 3000,
    corpusDir: path.resolve(env.FAQBOT_CORPUS ?? 'seeds'),
    logLevel: 'info',
  });
}
