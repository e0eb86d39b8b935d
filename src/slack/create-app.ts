import { App, LogLevel, type AppOptions, type Logger, type Receiver, type webApi } from '@slack/bolt';
import type { LogLevelName, SlackConfig } from '../config.ts';
import type { CurationService } from '../curate/curation-service.ts';
import type { Engine } from '../engine.ts';
import type { Store } from '../store/store.ts';
import { Curators } from './curators.ts';
import { InMemoryBotThreads, type BotThreads } from './bot-threads.ts';
import { RecentKeys } from './recent-keys.ts';
import { storeSharedKeys } from './click-once.ts';
import { inMemoryVotes, type RecordVote } from './votes.ts';
import type { RecordAnswered } from './record-asked.ts';
import { createErrorHandler } from './error-handler.ts';
import type { ListenerDeps } from './listener-deps.ts';
import { register as registerActions } from './listeners/actions/index.ts';
import { register as registerAssistant } from './listeners/assistant/index.ts';
import { register as registerCommands } from './listeners/commands/index.ts';
import { register as registerEvents } from './listeners/events/index.ts';
import { register as registerFunctions } from './listeners/functions/index.ts';
import { register as registerMessages } from './listeners/messages/index.ts';
import { register as registerShortcuts } from './listeners/shortcuts/index.ts';
import { register as registerViews } from './listeners/views/index.ts';
import { UserNames } from './user-names.ts';

export interface SlackAppOptions {
  /** The bot token, the mode's own credential (app token or signing secret), slackApiUrl, logLevel. */
  config: SlackConfig;
  /** Called per request, so a reloaded index takes effect without a restart. */
  getEngine: () => Engine;
  /** Bolt's Logger interface; default Bolt's ConsoleLogger at `config.logLevel`. */
  logger?: Logger;
  /** When given (HTTP mode with its own receiver), passed to Bolt as is. */
  receiver?: Receiver;
  /** When both are given, Bolt makes no auth.test call (tests, or a caller that made it already). */
  botId?: string;
  botUserId?: string;
  /** The Web API retry policy; tests pass `{ retries: 0 }`. Default: @slack/web-api's own. */
  retryConfig?: webApi.RetryOptions;
  /**
   * The `fetch` behind every Web API call the app makes (web-api's `clientOptions.fetch`, used by
   * `app.client` and each listener's `client`) and behind `respond()` (Bolt posts to response_urls
   * with the same function). The runtime passes `createRateLimitFetch`, which waits out a 429 for
   * the rate-limited call alone. Not given to the Socket Mode connection's own client. Default:
   * the global `fetch`.
   */
  fetch?: webApi.FetchFunction;
  /**
   * Which threads faqbot answered, with their first question (follow-ups there need no mention).
   * Default: this process's memory only.
   */
  botThreads?: BotThreads;
  /** Where "Did you mean" picks are recorded (the store); default: not recorded. */
  picks?: Pick<Store, 'recordPick'>;
  /**
   * The store's seen keys, shared by every replica: a chooser or "Share in channel" clicked twice
   * is acted on once even when the clicks reach two replicas. Default: this process's memory only.
   */
  seenKeys?: Pick<Store, 'firstSight' | 'forgetSight'>;
  /**
   * The curator loop behind App Home's inbox and modals, for the people in `config.curators`.
   * Default: none (App Home is the same for everyone, curator actions are refused).
   */
  curation?: CurationService;
  /** The clock for picks and curators' decisions; default Date.now. */
  now?: () => number;
  /** Where feedback votes are kept, one per (answer, user). Default: this process's memory only. */
  recordVote?: RecordVote;
  /** Where questions answered at once (/faq, the shortcut) are recorded (the store); default: not recorded. */
  recordAnswered?: RecordAnswered;
}

const LOG_LEVELS: Record<LogLevelName, LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

/**
 * Builds the Bolt App: listeners for mentions, DMs, `/faq`, buttons and App Home, and one error
 * handler. Never starts it (the caller owns the lifecycle). Socket Mode when `config.mode` is
 * `socket` and no receiver is given; otherwise Bolt's HTTP receiver (or the one given) with
 * `POST /slack/events` verified against the signing secret.
 *
 * ```ts
 * const app = createApp({ config, getEngine: () => engine });
 * await app.start(config.port);
 * ```
 */
export function createApp(options: SlackAppOptions): App {
  const { config } = options;
  const clientOptions: webApi.WebClientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    // On purpose, though it is web-api's default: a 429 is retried after its Retry-After rather
    // than thrown at the listener (an answer delayed beats an answer lost). web-api does it by
    // pausing the client's whole request queue, shared by every channel, so the runtime's fetch
    // (createRateLimitFetch) waits out a per-channel 429 for that one call first; only a 429 it
    // hands back (too many, or too long a wait) reaches this queue-wide pause.
    rejectRateLimitedCalls: false,
  };
  const app = new App({
    token: config.botToken,
    // The level always goes with it: given a logger but no logLevel, Bolt sets that logger (shared
    // with every Web API client) to INFO, whatever LOG_LEVEL said.
    ...(options.logger ? { logger: options.logger } : {}),
    logLevel: LOG_LEVELS[config.logLevel],
    clientOptions,
    ...receiverOptions(options),
    ...(options.botId ? { botId: options.botId } : {}),
    ...(options.botUserId ? { botUserId: options.botUserId } : {}),
    // Conversation state is not used; Bolt's default store would only cost memory per channel.
    convoStore: false,
    // The error handler needs the request body to know whom to apologise to.
    extendedErrorHandler: true,
  });

  const { logger } = app;
  const deps: ListenerDeps = {
    getEngine: options.getEngine,
    seen: new RecentKeys(),
    logger,
    names: new UserNames(app.client),
    botThreads: options.botThreads ?? new InMemoryBotThreads(),
    ...(options.seenKeys ? { sharedKeys: storeSharedKeys(options.seenKeys, options.now) } : {}),
    ...(options.picks ? { picks: options.picks } : {}),
    ...(options.curation ? { curation: { service: options.curation, curators: new Curators({ ids: config.curators, client: app.client, logger, ...(options.now ? { now: options.now } : {}) }) } } : {}),
    ...(options.now ? { now: options.now } : {}),
    recordVote: options.recordVote ?? inMemoryVotes(),
    ...(options.recordAnswered ? { recordAnswered: options.recordAnswered } : {}),
  };
  // The assistant first: it is global middleware that takes its events before any listener.
  registerAssistant(app, deps);
  registerEvents(app, deps);
  registerMessages(app, deps);
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerShortcuts(app, deps);
  registerFunctions(app, deps);
  app.error(createErrorHandler({ client: app.client, logger }));
  return app;
}

function receiverOptions(options: SlackAppOptions): Partial<AppOptions> {
  if (options.receiver) return { receiver: options.receiver };
  const { config } = options;
  if (config.mode === 'socket') {
    return {
      socketMode: true,
      appToken: config.appToken,
      // Bolt hands its own clientOptions object to the Socket Mode client, which sets a 100-retry
      // policy on it when it has none: a separate object keeps that out of the clients that post
      // answers, and leaves apps.connections.open its reconnect-friendly default.
      installerOptions: { clientOptions: config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {} },
    };
  }
  return { signingSecret: config.signingSecret };
}
