import type { Store } from '../store/store.ts';
import type { BotThreads } from './bot-threads.ts';

/**
 * Which threads faqbot answered, read from the store: every replica sees every answer, and a
 * restart forgets nothing. The store records a thread when the inbox completes an answer posted
 * there (its `replyThreadTs`), so there is nothing more to remember here.
 */
export class StoreBotThreads implements BotThreads {
  readonly #store: Pick<Store, 'threadQuestion'>;
  readonly #readable: (stored: string) => Promise<string>;

  /**
   * `readable` turns a question as stored (Slack's markup, the bot's mention already removed) into
   * the text the engine reads, as the question itself was (see incomingQuestion).
   */
  constructor(store: Pick<Store, 'threadQuestion'>, readable: (stored: string) => Promise<string> = async (text) => text) {
    this.#store = store;
    this.#readable = readable;
  }

  async remember(): Promise<void> {
    // The inbox's record of the answer is what marks the thread (see the class comment).
  }

  async questionOf(channel: string, threadTs: string): Promise<string | null> {
    const stored = await this.#store.threadQuestion(channel, threadTs);
    return stored === null ? null : this.#readable(stored);
  }
}
