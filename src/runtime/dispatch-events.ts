import type { App, Logger } from '@slack/bolt';
import type { AckFirstScheduler } from './ack-first-scheduler.ts';
import type { InFlight } from './in-flight.ts';

/**
 * Most Events API deliveries waiting to be answered at once. Beyond it, new deliveries are refused
 * (Bolt answers 500 and Slack delivers them again later) rather than queued without bound.
 */
export const MAX_BACKLOG = 10_000;

export interface DispatchOptions {
  readonly inFlight: InFlight;
  readonly scheduler: AckFirstScheduler;
  readonly logger: Logger;
  /** Default MAX_BACKLOG. */
  readonly maxBacklog?: number;
}

type ReceiverEvent = Parameters<App['processEvent']>[0];

const alreadyAcked = async (): Promise<void> => undefined;

/**
 * The view of the app that receivers get: its `processEvent` acks first and answers later.
 *
 * - Events API deliveries (mentions, DMs, App Home) are acked at once, then only their body waits
 *   for a turn from the scheduler; the request and response objects are let go, so a burst of
 *   acked-but-unanswered events costs a few KB each. Bolt then runs the listeners with an ack that
 *   does nothing (it was sent).
 * - Commands and button clicks keep Bolt's flow (a listener decides what the ack carries); once
 *   their ack is sent they too wait for a turn.
 *
 * Everything is tracked in `inFlight` from arrival until its listeners have finished, so shutdown
 * waits for answers already promised by an ack. Receivers call nothing else on the app, but the
 * proxy forwards everything.
 */
export function dispatchEvents(app: App, options: DispatchOptions): App {
  const { inFlight, scheduler, logger } = options;
  const maxBacklog = options.maxBacklog ?? MAX_BACKLOG;

  const processEvent = async (event: ReceiverEvent): Promise<void> => {
    if (!isEventsApi(event.body)) {
      await inFlight.track(
        app.processEvent({
          ...event,
          ack: async (response) => {
            await event.ack(response);
            await scheduler.turn();
          },
        }),
      );
      return;
    }
    if (scheduler.waiting >= maxBacklog) {
      throw new Error(`${scheduler.waiting} events are waiting to be answered; refusing this one so that Slack delivers it again later.`);
    }
    await event.ack();
    const { body, retryNum, retryReason, customProperties } = event;
    const later: ReceiverEvent = {
      body,
      ack: alreadyAcked,
      ...(retryNum !== undefined ? { retryNum } : {}),
      ...(retryReason !== undefined ? { retryReason } : {}),
      ...(customProperties !== undefined ? { customProperties } : {}),
    };
    void inFlight
      .track(scheduler.run(() => app.processEvent(later)))
      // Listener errors reach the app's error handler inside processEvent; this is what is left.
      .catch((error: unknown) => logger.error('Processing an acknowledged event failed', error));
  };

  return new Proxy(app, {
    get(target, property) {
      if (property === 'processEvent') return processEvent;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** An Events API delivery whose ack carries nothing (all but `function_executed`, acked by its listener). */
function isEventsApi(body: ReceiverEvent['body']): boolean {
  const event = body['event'] as { type?: unknown } | undefined;
  return body['type'] === 'event_callback' && event?.type !== 'function_executed';
}
