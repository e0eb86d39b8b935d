import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTPReceiver, type App, type Logger, type Receiver } from '@slack/bolt';
import { AckFirstScheduler } from './ack-first-scheduler.ts';
import type { InFlight } from './in-flight.ts';
import { dispatchEvents } from './dispatch-events.ts';

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
}

/**
 * Bolt's HTTPReceiver (signature and timestamp checks, body limit, ack handling: all kept as is)
 * behind a server this runtime owns, so it can add /healthz, refuse work before the index is built
 * and while shutting down, bound how long a slow client may hold a connection, and tell the
 * ack-first scheduler when requests are waiting to be acked.
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
      // Events are acked as soon as they are verified (Bolt's default); the answer follows.
      processBeforeResponse: false,
    });
  }

  init(app: App): void {
    const scheduler = new AckFirstScheduler({ isBusy: () => this.#unacked > 0 });
    this.#bolt.init(dispatchEvents(app, { inFlight: this.#options.inFlight, scheduler, logger: this.#options.logger }));
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
      const ready = this.#options.isReady();
      res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify({ status: ready ? 'ok' : 'starting' }));
      return;
    }
    if (path === '/slack/events' && req.method === 'POST') {
      // Before the index is built there is no app to hand the event to; 503 makes Slack retry it.
      if (!this.#options.isReady()) {
        res.writeHead(503, { 'retry-after': '1' }).end();
        return;
      }
      this.#unacked += 1;
      res.once('close', () => {
        this.#unacked -= 1;
      });
      try {
        this.#bolt.requestListener(req, res);
      } catch (error) {
        this.#options.logger.error('Request to /slack/events failed before Bolt handled it', error);
        if (!res.headersSent) res.writeHead(500).end();
      }
      return;
    }
    res.writeHead(path === '/slack/events' || path === '/healthz' ? 405 : 404).end();
  }
}
