import type { Logger } from '@slack/bolt';
import type { Engine } from '../engine.ts';
import type { Store } from '../store/store.ts';
import type { CurationDeps } from './curation-deps.ts';
import type { BotThreads } from './bot-threads.ts';
import type { RecordVote } from './votes.ts';
import type { RecordAnswered } from './record-asked.ts';
import type { RecentKeys } from './recent-keys.ts';
import type { SharedKeys } from './click-once.ts';
import type { UserNameLookup } from './user-names.ts';

/** What every listener gets, passed in rather than imported, so tests hand in their own. */
export interface ListenerDeps {
  /** The engine now: called per request, so a reloaded index takes effect without a restart. */
  readonly getEngine: () => Engine;
  /** Messages already answered, by (channel, ts), and buttons already clicked: this process's memory. */
  readonly seen: RecentKeys;
  /** Clicks already handled on any replica (the store); absent: this process's memory only. */
  readonly sharedKeys?: SharedKeys;
  readonly logger: Logger;
  /** Names for the user ids in a question, so it is echoed as people see it. */
  readonly names: UserNameLookup;
  /** Threads faqbot answered, with their first question: where follow-ups need no mention. */
  readonly botThreads: BotThreads;
  /** Where "Did you mean" picks are recorded (issue 10); absent without a store. */
  readonly picks?: Pick<Store, 'recordPick'>;
  /** The curator's App Home and modals; absent when there is no curation service. */
  readonly curation?: CurationDeps;
  /** The clock for what is recorded (picks, curators' decisions); default Date.now. */
  readonly now?: () => number;
  /** Keeps each user's feedback vote per answer (the store, in the bot). */
  readonly recordVote: RecordVote;
  /** Records questions answered at once (/faq, the shortcut) with their outcome; absent without a store. */
  readonly recordAnswered?: RecordAnswered;
}
