import type { App } from '@slack/bolt';
import type { InFlight } from './in-flight.ts';

/**
 * Hands a receiver a view of the app whose `processEvent` is tracked: Bolt resolves it only after
 * every listener has finished (the answer is posted), so the tracked promise is exactly "an answer
 * in flight". Receivers call nothing else on the app, but the proxy forwards everything anyway.
 */
export function trackEvents(app: App, inFlight: InFlight): App {
  const processEvent: App['processEvent'] = (event) => inFlight.track(app.processEvent(event));
  return new Proxy(app, {
    get(target, property) {
      if (property === 'processEvent') return processEvent;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
