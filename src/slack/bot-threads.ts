/**
 * Which threads faqbot answered, and what was asked there: a reply in such a thread is a follow-up
 * (no mention needed), matched with that earlier question as context.
 *
 * The in-memory implementation below holds for one process only (an app built on its own, as in
 * tests); the bot itself reads the store (StoreBotThreads), which holds across replicas and restarts.
 */
export interface BotThreads {
  /** Records that faqbot answered `question` in the thread (channel, threadTs). The first question stays. */
  remember(channel: string, threadTs: string, question: string): Promise<void>;
  /** The question faqbot answered in that thread, or null if faqbot has not answered there. */
  questionOf(channel: string, threadTs: string): Promise<string | null>;
}

export interface InMemoryBotThreadsOptions {
  /** Most threads remembered; the oldest is forgotten first. Default 10,000. */
  readonly maxSize?: number;
}

export class InMemoryBotThreads implements BotThreads {
  readonly #maxSize: number;
  readonly #threads = new Map<string, string>();

  constructor(options: InMemoryBotThreadsOptions = {}) {
    this.#maxSize = options.maxSize ?? 10_000;
  }

  async remember(channel: string, threadTs: string, question: string): Promise<void> {
    const key = `${channel}:${threadTs}`;
    // The thread's opening question is the context its follow-ups refer to.
    if (this.#threads.has(key)) return;
    this.#threads.set(key, question);
    if (this.#threads.size > this.#maxSize) {
      const oldest = this.#threads.keys().next().value;
      if (oldest !== undefined) this.#threads.delete(oldest);
    }
  }

  async questionOf(channel: string, threadTs: string): Promise<string | null> {
    return this.#threads.get(`${channel}:${threadTs}`) ?? null;
  }
}
