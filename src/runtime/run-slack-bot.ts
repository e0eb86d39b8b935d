import type { Writable } from 'node:stream';
import type { webApi } from '@slack/bolt';
import type { SlackConfig } from '../config.ts';
import { CorpusError, FaqFileError } from '../errors.ts';
import { configSecrets, summarizeConfig } from '../config.ts';
import type { Engine } from '../engine.ts';
import type { LoadEngineOptions, PreparedCorpus } from '../load-engine.ts';
import type { Pause } from '../match/build-steps.ts';
import { createJsonLogger, type JsonLogger } from '../json-logger.ts';
import { createApp } from '../slack/create-app.ts';
import { curatedEngines } from './curated-engines.ts';
import { boundHeapGrowth } from './bound-heap-growth.ts';
import { RuntimeHttpReceiver } from './http-receiver.ts';
import { InFlight } from './in-flight.ts';
import { installProcessHandlers } from './install-process-handlers.ts';
import { createRateLimitFetch } from './rate-limit-fetch.ts';
import { onSignals, type Signal, type SignalSource } from './on-signals.ts';
import { ANSWER_RETRY } from './answer-retry.ts';
import { describeStartupError, verifyBotToken } from './verify-bot-token.ts';
import { AckFirstScheduler } from './ack-first-scheduler.ts';
import { createAnswerClient } from './create-answer-client.ts';
import { DurableInbox } from './durable-inbox.ts';
import { InboxWorker } from './inbox-worker.ts';
import { createAnswerer } from '../slack/inbox/answer-claimed.ts';
import { UserNames } from '../slack/user-names.ts';
import { incomingQuestion } from '../slack/incoming-question.ts';
import { StoreBotThreads } from '../slack/store-bot-threads.ts';
import { describeStore, openStore } from '../store/open-store.ts';
import type { Curation, Store } from '../store/store.ts';
import { prepareInWorker } from './prepare-in-worker.ts';
import { timeSlices } from './time-slices.ts';
import { RELOAD_TIMEOUT_MS } from './engine-holder.ts';
import { RuntimeSocketReceiver } from './socket-receiver.ts';
import { watchCorpus } from './watch-corpus.ts';

/**
 * How long shutdown waits for answers already started: well inside the 10 s an orchestrator
 * usually grants after SIGTERM. What is unfinished then stays in the store for the next start
 * (or another replica), so waiting longer buys nothing.
 */
export const DRAIN_TIMEOUT_MS = 6_000;

/** How often question texts older than FAQBOT_RETAIN_DAYS are purged. */
const PURGE_EVERY_MS = 60 * 60_000;
const DAY_MS = 86_400_000;

export interface ReadyInfo {
  readonly mode: 'socket' | 'http';
  readonly port?: number;
}

export interface SlackBotIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly signals?: SignalSource;
  readonly port?: number;
  readonly onReady?: (info: ReadyInfo) => void;
  /** Builds the engine from the corpus folder, with the stored curations overlaid (`options.curations`). */
  readonly loadEngine: (corpusDir: string, options?: LoadEngineOptions) => Promise<Engine>;
  /** The module a reload's heavy part runs in (prepareInWorker); tests pass one that never answers. */
  readonly prepareWorker?: URL;
  /** The clock's waits, injectable so tests need not spend real seconds on them. */
  readonly timers?: SlackBotTimers;
}

/** Every wait the bot makes while answering; the defaults are the production policy. */
export interface SlackBotTimers {
  /** Back-off between retries of a failed Web API call (web-api's retry policy); default ANSWER_RETRY. */
  readonly answerRetry?: webApi.RetryOptions;
  /** Waits out a 429's Retry-After for one call (see createRateLimitFetch); default an unref'd timer. */
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * Schedules the curation poll (`check`: one look at the store's curation version, a rebuild if
   * it moved) and returns how to stop it; default every FAQBOT_CURATION_POLL_MS. Tests keep `check`
   * and call it, to show another replica's change arriving without waiting for a timer.
   */
  readonly curationPoll?: (check: () => Promise<boolean>) => () => void;
  /**
   * The time limit of a reload's worker: resolves when it is up (the worker is then terminated
   * and the reload fails, the last good engine serving); default RELOAD_TIMEOUT_MS.
   */
  readonly prepareLimit?: () => Promise<void>;
  /**
   * Asked between the steps of a reload's build on the serving thread (see match/build-steps.ts):
   * default `timeSlices()`, a turn of the event loop every RELOAD_SLICE_MS. Tests hold a reload
   * half-built with it.
   */
  readonly reloadPause?: Pause;
}

type StopReason = Signal | 'fatal';

/**
 * Runs the bot in Socket Mode or HTTP mode until SIGTERM / SIGINT, then stops taking work,
 * finishes the answers in flight (up to DRAIN_TIMEOUT_MS) and resolves 0. Start-up failures (bad
 * corpus, rejected token, port in use) print one clear line to stderr and resolve 1. Logs go to
 * stdout as JSON lines, with every secret redacted.
 */
export async function runSlackBot(config: SlackConfig, io: SlackBotIo): Promise<number> {
  const signals = io.signals ?? process;
  boundHeapGrowth();
  const logger = createJsonLogger({ stream: io.stdout, level: config.logLevel, secrets: configSecrets(config) });
  logger.log('info', 'Starting faqbot', { config: summarizeConfig(config) });

  const stop = stopSignal();
  const disposeStopSignals = onSignals(signals, ['SIGTERM', 'SIGINT'], (signal) => stop.request(signal));
  const disposeProcessHandlers = installProcessHandlers(logger, () => stop.request('fatal'));
  const dispose = (): void => {
    disposeStopSignals();
    disposeProcessHandlers();
  };

  let store: Store;
  try {
    store = await openStore(config.store.location, (error) => logger.log('warn', 'A store connection failed; it is replaced on next use', { error }));
  } catch (error) {
    const message = `cannot open the store (${describeStore(config.store.location)}): ${error instanceof Error ? error.message : String(error)}`;
    logger.log('error', `Start-up failed: ${message}`);
    io.stderr.write(`faqbot: ${message}\n`);
    dispose();
    return 1;
  }
  const inbox = new DurableInbox(store, logger);
  const resumed = await store.releaseOwn(config.store.replicaId, Date.now()).catch(() => 0);
  logger.log('info', 'Store ready', { store: describeStore(config.store.location), replicaId: config.store.replicaId, resumedClaims: resumed });

  const inFlight = new InFlight();
  // `curation` is the curator loop's service, for App Home and its modals.
  const prepareLimit = io.timers?.prepareLimit ?? (() => new Promise<void>((resolve) => setTimeout(resolve, RELOAD_TIMEOUT_MS).unref()));
  const pause = io.timers?.reloadPause ?? timeSlices();
  const prepare = (corpusDir: string, curations: readonly Curation[]): Promise<PreparedCorpus> =>
    prepareInWorker({ corpusDir, curations, limit: prepareLimit, pause, ...(io.prepareWorker ? { worker: io.prepareWorker } : {}) });
  const { engines, watcher: curationWatcher, curation } = curatedEngines({ store, corpusDir: config.corpusDir, loadEngine: io.loadEngine, logger, offThread: { prepare, pause } });
  let ready = false;
  let busy = (): boolean => false;
  const scheduler = new AckFirstScheduler({ isBusy: () => busy() });
  const dispatch = { scheduler, intake: inbox.intake };
  const receiver =
    config.mode === 'socket'
      ? new RuntimeSocketReceiver({ appToken: config.appToken, logger, inFlight, ...dispatch, ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}) })
      : new RuntimeHttpReceiver({
          signingSecret: config.signingSecret,
          logger,
          inFlight,
          isReady: () => ready,
          host: config.host,
          health: () => inbox.health(),
          firstSight: inbox.firstSight,
          ...dispatch,
        });
  if (receiver instanceof RuntimeHttpReceiver) busy = () => receiver.busy;
  // Once the drain is over, calls still waiting on Slack are cut: their questions are back in the
  // store, and an open socket would keep the process alive past its grace period.
  const abandon = new AbortController();
  const abortable: typeof fetch = (input, init) => fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, abandon.signal]) : abandon.signal });
  const slackFetch = createRateLimitFetch({ logger, attemptTimeoutMs: config.slackTimeoutMs, fetch: abortable, ...(io.timers?.sleep ? { sleep: io.timers.sleep } : {}) });
  let worker: InboxWorker | undefined;
  const closeStore = async (): Promise<void> => {
    await store.close().catch((error: unknown) => logger.log('warn', 'Closing the store failed', { error }));
  };

  let port: number | undefined;
  try {
    // In HTTP mode listen first, so /healthz can say "starting" (503) while the index is built.
    if (receiver instanceof RuntimeHttpReceiver) {
      port = await receiver.start(io.port ?? config.port);
      logger.log('info', 'Listening for Slack requests', { host: config.host, port, endpoints: ['POST /slack/events', 'GET /healthz'] });
    }
    const [engine, identity] = await Promise.all([
      engines.loadInitial(),
      verifyBotToken(config.botToken, config.slackApiUrl, logger),
    ]);
    logger.log('info', 'Index built', { articles: engine.articles.length, corpusDir: config.corpusDir });
    const answerFetch = createRateLimitFetch({ logger, maxRetryAfterSec: 2, attemptTimeoutMs: config.slackTimeoutMs, fetch: abortable });
    const answerClient = createAnswerClient(config.botToken, { slackApiUrl: config.slackApiUrl, logger, fetch: answerFetch });
    const names = new UserNames(answerClient);
    // Which threads are the bot's comes from the store: it holds across replicas and restarts.
    const botThreads = new StoreBotThreads(store, (stored) => incomingQuestion(stored, { botUserId: identity.botUserId, names }));
    createApp({
      config,
      getEngine: () => engines.get(),
      logger,
      receiver,
      ...(identity.botId && identity.botUserId ? { botId: identity.botId, botUserId: identity.botUserId } : {}),
      retryConfig: io.timers?.answerRetry ?? ANSWER_RETRY,
      // A 429 (Slack limits chat.postMessage per channel) holds up only the call it was for.
      fetch: slackFetch,
      botThreads,
      // "Did you mean" picks, and the curator's App Home and modals (issue 10).
      picks: store,
      // A chooser or "Share in channel" clicked twice is acted on once, on whichever replica.
      seenKeys: store,
      curation,
      recordVote: (vote) => store.recordVote(vote),
      recordAnswered: (question, record) => store.recordAnswered(question, record),
    });
    inbox.botUserId = identity.botUserId;
    worker = new InboxWorker({
      store,
      owner: config.store.replicaId,
      scheduler,
      logger,
      answer: createAnswerer({
        client: answerClient,
        names,
        getEngine: () => engines.get(),
        logger,
        botUserId: identity.botUserId,
        botThreads,
      }),
      onAuth: (ok, reason) => inbox.reportAuth(ok, reason),
      onStore: (ok, reason) => inbox.reportStore(ok, reason),
    });
    inbox.onStored = () => worker?.wake();
    if (receiver instanceof RuntimeSocketReceiver) {
      await receiver.start().catch((error: unknown) => {
        throw describeStartupError(error, 'SLACK_APP_TOKEN', config.slackApiUrl ?? 'https://slack.com/api/');
      });
    }
  } catch (error) {
    const message = startupMessage(error, config, io.port ?? config.port);
    logger.log('error', `Start-up failed: ${message}`);
    io.stderr.write(`faqbot: ${message}\n`);
    await receiver.stop().catch(() => undefined);
    await closeStore();
    dispose();
    return 1;
  }

  worker.start();
  const purge = (): void => {
    const now = Date.now();
    store
      .purge(now - config.store.retainDays * DAY_MS, now)
      .then((purged) => purged > 0 && logger.log('info', 'Purged old question texts', { purged, retainDays: config.store.retainDays }))
      .catch((error: unknown) => logger.log('warn', 'Purging old question texts failed; trying again later', { error }));
  };
  purge();
  const purgeTimer = setInterval(purge, PURGE_EVERY_MS);
  purgeTimer.unref();
  ready = true;
  logger.log('info', 'faqbot is ready', { mode: config.mode, ...(port !== undefined ? { port } : {}) });
  const disposeReload = onSignals(signals, ['SIGHUP'], () => void engines.reload('SIGHUP'));
  const stopWatching = watchCorpus(config.corpusDir, () => void engines.reload('corpus folder changed'), logger);
  const stopCurationPolling = io.timers?.curationPoll ? io.timers.curationPoll(() => curationWatcher.check()) : curationWatcher.start(config.curationPollMs);
  io.onReady?.({ mode: config.mode === 'socket' ? 'socket' : 'http', ...(port !== undefined ? { port } : {}) });

  const reason = await stop.first;
  ready = false;
  disposeReload();
  stopWatching();
  stopCurationPolling();
  clearInterval(purgeTimer);
  await shutdown(reason, receiver, inFlight, worker, logger, stop.second);
  abandon.abort();
  await closeStore();
  dispose();
  return reason === 'fatal' ? 1 : 0;
}

async function shutdown(
  reason: StopReason,
  receiver: RuntimeHttpReceiver | RuntimeSocketReceiver,
  inFlight: InFlight,
  worker: InboxWorker,
  logger: JsonLogger,
  secondSignal: Promise<StopReason>,
): Promise<void> {
  logger.log('info', 'Shutting down: taking no new work, finishing answers in flight', { reason, inFlight: inFlight.size, answering: worker.active });
  const started = Date.now();
  const stopped = receiver.stop().catch((error: unknown) => logger.log('warn', 'Stopping the receiver failed', { error }));
  // A second SIGINT / SIGTERM means "now": stop waiting for the answers in flight.
  const workerDone = worker.stop(DRAIN_TIMEOUT_MS, secondSignal);
  const drained = await inFlight.drain(DRAIN_TIMEOUT_MS, secondSignal);
  const answered = await workerDone;
  if (!drained || !answered) {
    logger.log('warn', 'Stopped before every answer was sent; unanswered questions stay in the store for the next start', { abandoned: inFlight.size + worker.active, ms: Date.now() - started });
  }
  if (receiver instanceof RuntimeHttpReceiver) receiver.closeAllConnections();
  await stopped;
  logger.log('info', 'faqbot stopped', { reason });
}

/** The first stop request (a signal or a fatal error), and a second one for "stop waiting". */
function stopSignal(): { request(reason: StopReason): void; first: Promise<StopReason>; second: Promise<StopReason> } {
  let count = 0;
  let resolveFirst: (reason: StopReason) => void = () => undefined;
  let resolveSecond: (reason: StopReason) => void = () => undefined;
  const first = new Promise<StopReason>((resolve) => (resolveFirst = resolve));
  const second = new Promise<StopReason>((resolve) => (resolveSecond = resolve));
  return {
    request(reason) {
      count += 1;
      if (count === 1) resolveFirst(reason);
      else resolveSecond(reason);
    },
    first,
    second,
  };
}

function startupMessage(error: unknown, config: SlackConfig, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `port ${port} is already in use: stop the other server or set PORT to a free port.`;
  if (code === 'EACCES' && config.mode === 'http') return `not allowed to listen on port ${port}: use a port above 1023.`;
  if (code === 'EADDRNOTAVAIL') return `cannot listen on HOST ${config.host}: it is not an address of this machine (unset HOST to listen on every interface).`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot listen on HOST ${config.host}: the name does not resolve to an address of this machine.`;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof CorpusError || error instanceof FaqFileError) return `cannot load the corpus: ${message}`;
  return message;
}
