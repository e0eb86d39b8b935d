import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../src/json-logger.ts';
import { AckFirstScheduler } from '../../src/runtime/ack-first-scheduler.ts';
import { dispatchEvents } from '../../src/runtime/dispatch-events.ts';
import { InFlight } from '../../src/runtime/in-flight.ts';
import { Capture } from './helpers/capture.ts';

type ReceiverEvent = Parameters<App['processEvent']>[0];

/** Just enough of an App for the dispatcher: processEvent, recorded with the order of things. */
function fakeApp(order: string[], behaviour: (event: ReceiverEvent) => Promise<void> = async () => undefined): App {
  return {
    processEvent: async (event: ReceiverEvent) => {
      order.push(`process ${String(event.body['type'])}`);
      await event.ack();
      await behaviour(event);
      order.push('listeners done');
    },
    other: () => 'forwarded',
  } as unknown as App;
}

function receiverEvent(body: Record<string, unknown>, order: string[]): ReceiverEvent {
  return { body, retryNum: 2, retryReason: 'http_timeout', ack: async () => void order.push('acked') };
}

const mention = { type: 'event_callback', event: { type: 'app_mention', channel: 'C1', ts: '1.1' } };

describe('dispatchEvents', () => {
  it('acks an Events API delivery at once and answers it later, tracked until the listeners finish', async () => {
    const order: string[] = [];
    const inFlight = new InFlight();
    let seen: ReceiverEvent | undefined;
    const app = dispatchEvents(
      fakeApp(order, async (event) => {
        seen = event;
      }),
      { inFlight, scheduler: new AckFirstScheduler(), logger: createJsonLogger({ stream: new Capture() }) },
    );
    await app.processEvent(receiverEvent(mention, order));
    // The receiver's part is over: acked, nothing answered yet, but the answer is owed.
    expect(order).toEqual(['acked']);
    expect(inFlight.size).toBe(1);
    expect(await inFlight.drain(5_000)).toBe(true);
    expect(order).toEqual(['acked', 'process event_callback', 'listeners done']);
    expect(seen).toMatchObject({ body: mention, retryNum: 2, retryReason: 'http_timeout' });
    expect((app as unknown as { other: () => string }).other()).toBe('forwarded');
  });

  it('lets a command’s listener ack (with a body), then gives it a turn', async () => {
    const order: string[] = [];
    const inFlight = new InFlight();
    const acks: unknown[] = [];
    const app = dispatchEvents(fakeApp(order), { inFlight, scheduler: new AckFirstScheduler(), logger: createJsonLogger({ stream: new Capture() }) });
    await app.processEvent({ body: { command: '/faq', text: 'help' }, ack: async (response) => void acks.push(response) });
    expect(order).toEqual(['process undefined', 'listeners done']);
    expect(acks).toEqual([undefined]);
    expect(inFlight.size).toBe(0);
  });

  it('refuses a delivery, without acking it, when the backlog is full (Bolt answers 500, Slack retries)', async () => {
    const order: string[] = [];
    const scheduler = new AckFirstScheduler({ isBusy: () => true, maxDeferMs: 60_000 });
    const app = dispatchEvents(fakeApp(order), { inFlight: new InFlight(), scheduler, logger: createJsonLogger({ stream: new Capture() }), maxBacklog: 2 });
    await app.processEvent(receiverEvent(mention, order));
    await app.processEvent(receiverEvent(mention, order));
    await expect(app.processEvent(receiverEvent(mention, order))).rejects.toThrow(/2 events are waiting/);
    expect(order).toEqual(['acked', 'acked']);
  });

  it('logs a failure while answering an acknowledged event instead of leaving it unhandled', async () => {
    const out = new Capture();
    const inFlight = new InFlight();
    const app = dispatchEvents(
      {
        processEvent: async () => {
          throw new Error('bolt blew up');
        },
      } as unknown as App,
      { inFlight, scheduler: new AckFirstScheduler(), logger: createJsonLogger({ stream: out }) },
    );
    await app.processEvent(receiverEvent(mention, []));
    await inFlight.drain(5_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(out.entries).toContainEqual(expect.objectContaining({ level: 'error', msg: 'Processing an acknowledged event failed', error: expect.objectContaining({ message: 'bolt blew up' }) }));
  });
});
