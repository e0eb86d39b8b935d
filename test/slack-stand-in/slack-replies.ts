/** Who the stand-in says the bot is, in `auth.test`. */
export interface BotIdentity {
  readonly userId: string;
  readonly botId: string;
  readonly teamId: string;
}

/** The n-th message timestamp a stand-in hands out: increasing, in Slack's `seconds.micros` form. */
export function tsAt(n: number): string {
  return `1800000000.${String(n).padStart(6, '0')}`;
}

/**
 * What Slack answers a successful call with, for the methods whose reply the bot reads (both
 * stand-ins share this, so an HTTP-mode test and an in-process one see the same Slack). `ts` is
 * the timestamp to give a new message.
 */
export function okReply(method: string, params: Readonly<Record<string, unknown>>, bot: BotIdentity, ts: () => string): Record<string, unknown> {
  switch (method) {
    case 'auth.test':
      return { ok: true, url: 'https://example.slack.com/', team: 'Example', user: 'faqbot', team_id: bot.teamId, user_id: bot.userId, bot_id: bot.botId };
    case 'chat.postMessage': {
      const minted = ts();
      return { ok: true, channel: params['channel'], ts: minted, message: { ts: minted, text: params['text'] } };
    }
    case 'chat.postEphemeral':
      return { ok: true, message_ts: ts() };
    case 'chat.update':
      return { ok: true, channel: params['channel'] ?? '', ts: params['ts'] ?? '' };
    case 'views.publish':
      return { ok: true, view: { id: 'V0HOME' } };
    default:
      return { ok: true };
  }
}
