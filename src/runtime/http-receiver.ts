import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTPReceiver, type App, type Logger, type Receiver } from '@slack/bolt';
import { AckFirstScheduler } from './ack-first-scheduler.ts';
import { readSignedBody } from './read-signed-body.ts';
import type { InFlight } from './in-flight.ts';
import { dispatchEvents, REQUEST_KEY, type DispatchOptions } from './dispatch-events.ts';

/** Slack signs each request with its time; one further than this from our clock, either way, is refused. */
export const MAX_CLOCK_SKEW_SEC = 5 * 60;

/** What /healthz reports once the bot is ready. */
export interface Health {
  readonly healthy: boolean;
  /** Why not, one reason each (store unreachable, token revoked, questions waiting too long). */
  readonly reasons: readonly string[];
}

/**
 * Largest request body accepted on /slack/events. Slack's own payloads are far smaller (an event is
 * a few KB; a block_actions payload carrying a 50-block message stays well under 512 KB, even
 * form-encoded), so anything bigger is not from Slack and is refused with 413: Bolt's body reader
 * rejects a larger Content-Length at once and stops reading a chunked body at the limit.
 */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface RuntimeHttpReceiverOptions {
  readonly signingSecret: string;
  readonly logger: Logger;
  readonly inFlight: InFlight;
  /** True once the index is built and the app is wired: /healthz says 200 and events are taken only then. */
  readonly isReady: () => boolean;
  readonly host?: string;
  readonly bodyLimitBytes?: number;
  /** Checked on each /healthz once ready; default always healthy. */
  readonly health?: () => Promise<Health>;
  /** Shared with the inbox worker, so acks overtake its answers too. */
  readonly scheduler?: AckFirstScheduler;
  readonly intake?: DispatchOptions['intake'];
  readonly firstSight?: DispatchOptions['firstSight'];
  /** Seconds clock for the timestamp check; injectable for tests. */
  readonly nowSec?: () => number;
}

/**
 * Bolt's HTTPReceiver (parsing and ack handling kept as is; the body limit and the signature
 * check done first, by readSignedBody) behind a server this runtime owns, so it can add /healthz,
 * refuse work before the index is built and while shutting down, bound how long a slow client may
 * hold a connection, and tell the ack-first scheduler when requests are waiting to be acked.
 */
export class RuntimeHttpReceiver implements Receiver {
  readonly #bolt: HTTPReceiver;
  readonly #options: RuntimeHttpReceiverOptions;
  #server: http.Server | undefined;
  #draining = false;
  /** Requests to /slack/events not yet answered: while there are any, answering waits. */
  #unacked = 0;
  /** The server being closed by stop(), until its last connection is gone. */
  #closing: http.Server | undefined;

  constructor(options: RuntimeHttpReceiverOptions) {
    this.#options = options;
    this.#bolt = new HTTPReceiver({
      signingSecret: options.signingSecret,
      logger: options.logger,
      endpoints: ['/slack/events'],
      bodyLimit: options.bodyLimitBytes ?? BODY_LIMIT_BYTES,
      // The body is read and its signature checked here first (readSignedBody): Bolt gets it
      // buffered and verified, and so does not check it again.
      signatureVerification: false,
      // Events are acked as soon as they are verified (Bolt's default); the answer follows.
      processBeforeResponse: false,
      // Verified requests carry their signature along: a replayed command or click is found by it.
      customPropertiesExtractor: (req) => {
        const signature = req.headers['x-slack-signature'];
        return typeof signature === 'string' ? { [REQUEST_KEY]: `sig:${signature}` } : {};
      },
    });
  }

  /** True while a request is being read or verified: answering waits meanwhile (see AckFirstScheduler). */
  get busy(): boolean {
    return this.#unacked > 0;
  }

  init(app: App): void {
    const scheduler = this.#options.scheduler ?? new AckFirstScheduler({ isBusy: () => this.busy });
    const { intake, firstSight } = this.#options;
    this.#bolt.init(
      dispatchEvents(app, { inFlight: this.#options.inFlight, scheduler, logger: this.#options.logger, ...(intake ? { intake } : {}), ...(firstSight ? { firstSight } : {}) }),
    );
  }

  /** Starts listening; resolves with the bound port (useful with port 0). */
  start(port: number): Promise<number> {
    if (this.#server) return Promise.reject(new Error('The HTTP receiver is already started.'));
    const server = http.createServer((req, res) => this.#handle(req, res));
    // Slack sends small requests promptly; a client trickling bytes only ties up a socket.
    server.headersTimeout = 10_000;
    server.requestTimeout = 15_000;
    this.#server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.#options.host, () => {
        server.off('error', reject);
        server.on('error', (error) => this.#options.logger.error('HTTP server error', error));
        resolve((server.address() as AddressInfo).port);
      });
    });
  }

  /**
   * Stops taking new work: the listening socket closes at once, idle keep-alive connections are
   * dropped, and any request that still arrives on a busy connection gets 503 (Slack retries it).
   * Resolves when the last connection has closed.
   */
  stop(): Promise<void> {
    const server = this.#server;
    this.#draining = true;
    if (!server) return Promise.resolve();
    this.#server = undefined;
    this.#closing = server;
    return new Promise((resolve) => {
      server.close(() => {
        this.#closing = undefined;
        resolve();
      });
      server.closeIdleConnections();
    });
  }

  /** Drops every remaining connection: after the drain, nothing on them is worth waiting for. */
  closeAllConnections(): void {
    this.#closing?.closeAllConnections();
  }

  #handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0];
    if (this.#draining) {
      res.writeHead(503, { connection: 'close', 'retry-after': '1' }).end();
      return;
    }
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      void this.#healthz(req, res);
      return;
    }
    if (path === '/slack/events' && req.method === 'POST') {
      // Before the index is built there is no app to hand the event to; 503 makes Slack retry it.
      if (!this.#options.isReady()) {
        res.writeHead(503, { 'retry-after': '1' }).end();
        return;
      }
      if (!this.#timestampFresh(req)) {
        // Stale, or in the future: a request signed for a later time could be replayed until then.
        this.#options.logger.warn('faqbot: refused a request whose x-slack-request-timestamp is more than 5 minutes from now');
        res.writeHead(401).end();
        return;
      }
      this.#unacked += 1;
      res.once('close', () => {
        this.#unacked -= 1;
      });
      void this.#verifyThenHandle(req, res);
      return;
    }
    res.writeHead(path === '/slack/events' || path === '/healthz' ? 405 : 404).end();
  }

  async #verifyThenHandle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      const signed = await readSignedBody(req, { signingSecret: this.#options.signingSecret, limitBytes: this.#options.bodyLimitBytes ?? BODY_LIMIT_BYTES });
      if (!signed.ok) {
        this.#options.logger.warn(`faqbot: refused a request to /slack/events (${signed.status}): ${signed.reason}`);
        // An oversized body is left unread: the connection cannot be reused.
        res.writeHead(signed.status, signed.status === 413 ? { connection: 'close' } : {}).end();
        return;
      }
      // Bolt takes a request whose body is already read as it is (its `rawBody`).
      Object.assign(req, { rawBody: signed.body });
      this.#bolt.requestListener(req, res);
    } catch (error) {
      this.#options.logger.error('Request to /slack/events failed before Bolt handled it', error);
      if (!res.headersSent && !res.destroyed) res.writeHead(500).end();
    }
  }

  #timestampFresh(req: http.IncomingMessage): boolean {
    const raw = req.headers['x-slack-request-timestamp'];
    // Missing or malformed: readSignedBody refuses it with the reason.
    if (typeof raw !== 'string' || !/^\d+$/.test(raw)) return true;
    const now = this.#options.nowSec?.() ?? Math.floor(Date.now() / 1000);
    return Math.abs(now - Number(raw)) <= MAX_CLOCK_SKEW_SEC;
  }

  async #healthz(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let body: { status: string; reasons?: readonly string[] };
    if (!this.#options.isReady()) body = { status: 'starting' };
    else {
      const health = this.#options.health ? await this.#options.health().catch((error: unknown) => ({ healthy: false, reasons: [`health check failed: ${String(error)}`] })) : { healthy: true, reasons: [] };
      body = health.healthy ? { status: 'ok' } : { status: 'unhealthy', reasons: health.reasons };
    }
    if (res.destroyed) return;
    res.writeHead(body.status === 'ok' ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
  }
}
