import type { Store } from '../store/store.ts';
import type { ListenerDeps } from './listener-deps.ts';

/**
 * Keys every replica agrees on: taken once, whichever replica asks first. Slack delivers each
 * click to one replica, but two clicks on the same chooser (a double click, two people) may go to
 * two replicas, and only a shared record stops both from answering.
 */
export interface SharedKeys {
  /** True the first time `key` is taken on any replica (until it expires); false after that. */
  take(key: string): Promise<boolean>;
  /** Gives `key` back: what it guarded failed and may be tried again, on any replica. */
  release(key: string): Promise<void>;
}

/** A click's key is kept a day: long after any copy of the message showing its buttons is refreshed. */
const CLICK_KEY_MS = 24 * 60 * 60_000;

/** SharedKeys in the store's seen keys (the same table that catches replayed requests). */
export function storeSharedKeys(store: Pick<Store, 'firstSight' | 'forgetSight'>, now: () => number = Date.now): SharedKeys {
  return {
    take: (key) => {
      const at = now();
      return store.firstSight(key, at + CLICK_KEY_MS, at);
    },
    release: (key) => store.forgetSight(key),
  };
}

/**
 * Runs `act` for the first click with this `key`, on this replica or any other: this process's
 * memory first (no round trip for a double click), then the shared keys. If `act` fails, the key
 * is given back everywhere, so the buttons stay clickable. A store that does not answer costs the
 * cross-replica check, never the answer: that click is answered (and logged).
 *
 * Resolves true if `act` ran.
 */
export async function clickOnce(deps: Pick<ListenerDeps, 'seen' | 'sharedKeys' | 'logger'>, key: string, act: () => Promise<void>): Promise<boolean> {
  if (!deps.seen.add(key)) {
    deps.logger.debug('faqbot: already clicked, ignoring the click', { key });
    return false;
  }
  let shared = false;
  if (deps.sharedKeys) {
    try {
      if (!(await deps.sharedKeys.take(key))) {
        deps.logger.debug('faqbot: already clicked on another replica, ignoring the click', { key });
        return false;
      }
      shared = true;
    } catch (error) {
      deps.logger.warn('faqbot: the store did not answer whether this click was handled elsewhere; handling it here', error);
    }
  }
  try {
    await act();
    return true;
  } catch (error) {
    deps.seen.delete(key);
    if (shared) {
      await deps.sharedKeys?.release(key).catch((releaseError: unknown) => deps.logger.warn('faqbot: could not give a failed click back to the store', releaseError));
    }
    throw error;
  }
}
