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
  /**
   * Takes an Events API delivery into the durable inbox before it is acked: resolves true if it
   * did (the delivery is then acked and not given to the listeners: the inbox answers it), false
   * to leave it to the listeners. A rejection (the store is down) leaves the delivery unacked, so
   * Slack delivers it again.
   */
  readonly intake?: (body: ReceiverEvent['body']) => Promise<boolean>;
  /**
   * For commands and button clicks: resolves false when this signed request was handled already
   * (a replay), which is then acked and dropped. Default: every request is new.
   */
  readonly firstSight?: (requestKey: string) => Promise<boolean>;
}

/** The custom property the HTTP receiver puts a request's signature in, for replay detection. */
export const REQUEST_KEY = 'faqbotRequestKey';

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

  const processEvent = async (received: ReceiverEvent): Promise<void> => {
    const { requestKey, event } = withoutRequestKey(received);
    if (!isEventsApi(event.body)) {
      if (requestKey !== undefined && options.firstSight && !(await options.firstSight(requestKey))) {
        logger.warn('faqbot: a signed request was received again (a replay); acknowledged and ignored');
        await event.ack();
        return;
      }
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
    if (options.intake && (await options.intake(event.body))) {
      await event.ack();
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

function withoutRequestKey(event: ReceiverEvent): { requestKey: string | undefined; event: ReceiverEvent } {
  const properties = event.customProperties;
  if (!properties || !(REQUEST_KEY in properties)) return { requestKey: undefined, event };
  const { [REQUEST_KEY]: key, ...rest } = properties;
  const { customProperties: _dropped, ...bare } = event;
  return { requestKey: typeof key === 'string' ? key : undefined, event: Object.keys(rest).length > 0 ? { ...bare, customProperties: rest } : bare };
}

/** An Events API delivery whose ack carries nothing (all but `function_executed`, acked by its listener). */
function isEventsApi(body: ReceiverEvent['body']): boolean {
  const event = body['event'] as { type?: unknown } | undefined;
  return body['type'] === 'event_callback' && event?.type !== 'function_executed';
}
