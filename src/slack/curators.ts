import type { Logger, webApi } from '@slack/bolt';

/** A user group's members are looked up again after this long: a person removed stops curating soon. */
export const GROUP_TTL_MS = 60_000;

export interface CuratorsOptions {
  /** FAQBOT_CURATORS: user ids (`U…`, `W…`) and user group ids (`S…`). */
  readonly ids: readonly string[];
  readonly client: Pick<webApi.WebClient, 'usergroups'>;
  readonly logger: Logger;
  readonly now?: () => number;
}

/**
 * Who may curate (FAQBOT_CURATORS). Every curator action is checked here on the server, whatever
 * the view showed: a button or a view_submission is a request anyone can forge. A user group's
 * members come from usergroups.users.list, cached for GROUP_TTL_MS; when Slack cannot say (an
 * error, a missing `usergroups:read` scope), the answer is "no" and the reason is logged.
 */
export class Curators {
  readonly #users: ReadonlySet<string>;
  readonly #groups: readonly string[];
  readonly #client: CuratorsOptions['client'];
  readonly #logger: Logger;
  readonly #now: () => number;
  readonly #members = new Map<string, { readonly users: ReadonlySet<string>; readonly until: number }>();

  constructor(options: CuratorsOptions) {
    this.#users = new Set(options.ids.filter((id) => !id.startsWith('S')));
    this.#groups = options.ids.filter((id) => id.startsWith('S'));
    this.#client = options.client;
    this.#logger = options.logger;
    this.#now = options.now ?? Date.now;
  }

  async isCurator(user: string): Promise<boolean> {
    if (this.#users.has(user)) return true;
    for (const group of this.#groups) if ((await this.#membersOf(group)).has(user)) return true;
    return false;
  }

  async #membersOf(group: string): Promise<ReadonlySet<string>> {
    const now = this.#now();
    const cached = this.#members.get(group);
    if (cached && cached.until > now) return cached.users;
    try {
      const result = await this.#client.usergroups.users.list({ usergroup: group });
      const users = new Set(result.users ?? []);
      this.#members.set(group, { users, until: now + GROUP_TTL_MS });
      return users;
    } catch (error) {
      // Not cached: the next action asks Slack again, so a passing failure costs one refusal.
      this.#logger.warn(`faqbot: cannot list the members of user group ${group} (FAQBOT_CURATORS); treating them as not curators`, describe(error));
      return new Set();
    }
  }
}

function describe(error: unknown): Record<string, unknown> {
  const data = (error as { data?: { error?: unknown } }).data;
  return { error: typeof data?.error === 'string' ? data.error : error instanceof Error ? error.message : String(error) };
}
