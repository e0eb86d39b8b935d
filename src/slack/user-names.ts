import type { webApi } from '@slack/bolt';

/** How a user id becomes a name; null when it cannot be told (the caller writes "someone"). */
export interface UserNameLookup {
  userName(userId: string): Promise<string | null>;
}

export interface UserNamesOptions {
  /** Most names kept; the least recently added goes first. Default 5,000. */
  readonly maxSize?: number;
}

/**
 * Display names of users by id, from `users.info` (scope `users:read`), cached for the life of the
 * process: a question that mentions someone is echoed as "@Carol", not `<@U0CAROL>`. A failed
 * lookup (no scope, unknown user, Slack down) is remembered as "no name" and never holds up an
 * answer for long: it costs one call, then the plain "@someone".
 */
export class UserNames implements UserNameLookup {
  readonly #client: webApi.WebClient;
  readonly #maxSize: number;
  readonly #names = new Map<string, Promise<string | null>>();

  constructor(client: webApi.WebClient, options: UserNamesOptions = {}) {
    this.#client = client;
    this.#maxSize = options.maxSize ?? 5_000;
  }

  userName(userId: string): Promise<string | null> {
    const cached = this.#names.get(userId);
    if (cached) return cached;
    const lookup = this.#lookup(userId);
    this.#names.set(userId, lookup);
    if (this.#names.size > this.#maxSize) {
      const oldest = this.#names.keys().next().value;
      if (oldest !== undefined) this.#names.delete(oldest);
    }
    return lookup;
  }

  async #lookup(userId: string): Promise<string | null> {
    try {
      const { user } = await this.#client.users.info({ user: userId });
      const name = user?.profile?.display_name || user?.real_name || user?.name;
      return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
    } catch {
      return null;
    }
  }
}
