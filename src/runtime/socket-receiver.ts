import { SocketModeReceiver, type App, type Logger } from '@slack/bolt';
import { AckFirstScheduler } from './ack-first-scheduler.ts';
import type { InFlight } from './in-flight.ts';
import { dispatchEvents, type DispatchOptions } from './dispatch-events.ts';

export interface RuntimeSocketReceiverOptions {
  readonly appToken: string;
  readonly logger: Logger;
  readonly inFlight: InFlight;
  /** Base URL for apps.connections.open (SLACK_API_URL); Slack's own when undefined. */
  readonly slackApiUrl?: string;
  readonly scheduler?: AckFirstScheduler;
  readonly intake?: DispatchOptions['intake'];
}

/** How long stop() waits for the WebSocket to close before giving up on a clean goodbye. */
const DISCONNECT_TIMEOUT_MS = 3_000;

/**
 * Bolt's SocketModeReceiver with in-flight tracking, and a stop() that actually waits for the
 * socket to close (Bolt's resolves before it has).
 */
export class RuntimeSocketReceiver extends SocketModeReceiver {
  readonly #inFlight: InFlight;
  readonly #logger: Logger;
  readonly #options: RuntimeSocketReceiverOptions;

  constructor(options: RuntimeSocketReceiverOptions) {
    super({
      appToken: options.appToken,
      logger: options.logger,
      // Bolt forwards installerOptions.clientOptions to the socket client's own WebClient, which is
      // the one calling apps.connections.open: without this SLACK_API_URL would not reach it.
      // No retryConfig here on purpose: socket-mode's default (many quick retries) is what keeps a
      // long-running bot reconnecting through a Slack outage.
      installerOptions: { clientOptions: options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {} },
    });
    this.#inFlight = options.inFlight;
    this.#logger = options.logger;
    this.#options = options;
  }

  override init(app: App): void {
    const { intake } = this.#options;
    super.init(dispatchEvents(app, { inFlight: this.#inFlight, scheduler: this.#options.scheduler ?? new AckFirstScheduler(), logger: this.#logger, ...(intake ? { intake } : {}) }));
  }

  override async stop(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, DISCONNECT_TIMEOUT_MS);
      timer.unref();
    });
    try {
      await Promise.race([this.client.disconnect(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
