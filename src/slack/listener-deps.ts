import type { Logger } from '@slack/bolt';
import type { Engine } from '../engine.ts';
import type { BotThreads } from './bot-threads.ts';
import type { RecentKeys } from './recent-keys.ts';
import type { UserNameLookup } from './user-names.ts';

/** What every listener gets, passed in rather than imported, so tests hand in their own. */
export interface ListenerDeps {
  /** The engine now: called per request, so a reloaded index takes effect without a restart. */
  readonly getEngine: () => Engine;
  /** Messages already answered, by (channel, ts). */
  readonly seen: RecentKeys;
  readonly logger: Logger;
  /** Names for the user ids in a question, so it is echoed as people see it. */
  readonly names: UserNameLookup;
  /** Threads faqbot answered, with their first question: where follow-ups need no mention. */
  readonly botThreads: BotThreads;
}
