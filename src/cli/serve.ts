import fs from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import dotenv from 'dotenv';
import { loadConfig, SLACK_HINT } from '../config.ts';
import { ConfigError } from '../errors.ts';
import type { Engine } from '../engine.ts';
import { loadEngine, type LoadEngineOptions } from '../load-engine.ts';
import { runSlackBot, type ReadyInfo, type SlackBotTimers } from '../runtime/run-slack-bot.ts';
import type { SignalSource } from '../runtime/on-signals.ts';
import { chat } from './chat.ts';

export interface ServeIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** SIGTERM / SIGINT / SIGHUP come from here; default `process`. */
  readonly signals?: SignalSource;
  /** Where `.env` and a relative FAQBOT_CORPUS are looked up; default the working directory. */
  readonly cwd?: string;
  /** Listen on this port instead of PORT (tests pass 0 for a free one). */
  readonly port?: number;
  /** Called once the bot takes work; in HTTP mode with the port it listens on. */
  readonly onReady?: (info: ReadyInfo) => void;
  /** Retry back-offs and Retry-After waits; tests pass instant or hand-released ones. */
  readonly timers?: SlackBotTimers;
  /** Builds the engine over a corpus folder (at start and on every reload); default `loadEngine`. Tests share one built engine. */
  readonly loadEngine?: (corpusDir: string, options?: LoadEngineOptions) => Promise<Engine>;
  /** The module a reload's heavy part runs in; default src/runtime/prepare-worker. */
  readonly prepareWorker?: URL;
}

/**
 * `npm start`: Socket Mode with SLACK_BOT_TOKEN + SLACK_APP_TOKEN, HTTP mode with SLACK_BOT_TOKEN +
 * SLACK_SIGNING_SECRET, the terminal chat with neither. Resolves with the exit code: 0 after a
 * clean stop, 1 when start-up fails (corpus, Slack credentials, port), 2 for a bad configuration.
 */
export async function serve(io: ServeIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  let config;
  try {
    config = loadConfig(withDotenv(io.env, cwd), cwd);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`faqbot: ${error.message}\n`);
    return 2;
  }

  const load = io.loadEngine ?? loadEngine;
  if (config.mode !== 'terminal') return runSlackBot(config, { ...io, loadEngine: load });

  io.stdout.write(`${SLACK_HINT}\n`);
  // Building the index takes a moment on a large corpus: say so, or the terminal looks stuck.
  io.stdout.write(`Loading the articles in ${path.relative(cwd, config.corpusDir) || '.'} and building the index…\n`);
  let engine;
  try {
    engine = await load(config.corpusDir);
  } catch (error) {
    io.stderr.write(`faqbot: cannot load the corpus: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  return chat(engine, io);
}

/**
 * The environment with `.env` (in `cwd`) filled in underneath: a variable set in the real
 * environment always wins, as dotenv's own `config()` does. Parsed here rather than loaded into
 * `process.env`, so the injected environment stays the single source.
 */
function withDotenv(env: NodeJS.ProcessEnv, cwd: string): NodeJS.ProcessEnv {
  let text: string;
  try {
    text = fs.readFileSync(path.join(cwd, '.env'), 'utf8');
  } catch {
    return env;
  }
  return { ...dotenv.parse(text), ...env };
}
