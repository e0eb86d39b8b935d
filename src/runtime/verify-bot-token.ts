import { webApi, type Logger } from '@slack/bolt';
import { SlackStartupError } from '../errors.ts';

/** At start-up a person is watching: fail within a couple of seconds rather than retry for long. */
export const STARTUP_RETRY: webApi.RetryOptions = { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1_000 };

export interface BotIdentity {
  /** Both or neither: with both, Bolt makes no auth.test call of its own. */
  readonly botId?: string;
  readonly botUserId?: string;
  readonly team?: string;
}

/** Platform errors from auth.test that mean "this token is not usable", with what to do about each. */
const AUTH_ADVICE: Record<string, string> = {
  invalid_auth: 'the token is not valid',
  not_allowed_token_type: 'this kind of token cannot be used here',
  not_authed: 'no token reached Slack',
  account_inactive: 'the app or its workspace was deactivated',
  token_revoked: 'the token was revoked: reinstall the app to the workspace and use the new token',
  token_expired: 'the token expired: use a non-expiring bot token or refresh it',
  no_permission: 'the token lacks permission',
};

const WHERE_TO_GET: Record<string, string> = {
  SLACK_BOT_TOKEN: 'Copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions.',
  SLACK_APP_TOKEN: 'Copy an app-level token (xapp-…) with the connections:write scope from Basic Information → App-Level Tokens.',
};

/**
 * Calls auth.test with the bot token, so a wrong token stops start-up with a clear message instead
 * of failing on the first question, and so the App can be built with botId/botUserId (otherwise
 * Bolt calls auth.test itself from its constructor, where a failure surfaces as an unhandled
 * rejection).
 */
export async function verifyBotToken(token: string, slackApiUrl: string | undefined, logger: Logger): Promise<BotIdentity> {
  const client = new webApi.WebClient(token, {
    logger,
    retryConfig: STARTUP_RETRY,
    ...(slackApiUrl ? { slackApiUrl } : {}),
  });
  const where = slackApiUrl ?? 'https://slack.com/api/';
  let result: webApi.AuthTestResponse;
  try {
    result = await client.auth.test();
  } catch (error) {
    throw describeStartupError(error, 'SLACK_BOT_TOKEN', where);
  }
  if (!result.bot_id || !result.user_id) {
    // The token was accepted (its xoxb- prefix was checked with the configuration); a stand-in
    // API may simply not say who the bot is. Bolt then asks auth.test itself on the first event.
    logger.warn(`auth.test at ${where} accepted the token but named no bot_id/user_id; continuing, Bolt will ask again`);
    return { ...(result.team ? { team: result.team } : {}) };
  }
  return { botId: result.bot_id, botUserId: result.user_id, ...(result.team ? { team: result.team } : {}) };
}

/** Turns a web-api error at start-up into one sentence a person can act on; never quotes a token. */
export function describeStartupError(error: unknown, variable: string, where: string): SlackStartupError {
  const code = (error as { code?: unknown }).code;
  if (code === webApi.ErrorCode.PlatformError) {
    const slackError = (error as webApi.WebAPIPlatformError).data.error;
    const advice = AUTH_ADVICE[slackError] ?? 'see the error list of auth.test / apps.connections.open';
    return new SlackStartupError(`Slack rejected ${variable} (${slackError}): ${advice}. ${WHERE_TO_GET[variable] ?? ''}`.trim(), { cause: error });
  }
  if (code === webApi.ErrorCode.HTTPError) {
    const status = (error as webApi.WebAPIHTTPError).statusCode;
    return new SlackStartupError(`The Slack Web API at ${where} answered HTTP ${status}; try again later or check SLACK_API_URL.`, { cause: error });
  }
  const detail = error instanceof Error ? ((error as { original?: Error }).original?.message ?? error.message) : String(error);
  return new SlackStartupError(`Cannot reach the Slack Web API at ${where} (${detail}); check the network or SLACK_API_URL.`, { cause: error });
}
