import type { Logger, webApi } from '@slack/bolt';
import { renderNotice } from './blocks/render-help.ts';
import { describeError } from '../describe-error.ts';
import { isSlackCallError, platformError } from './slack-errors.ts';

const APOLOGY_TIMEOUT_MS = 5_000;
const APOLOGY = 'Sorry, something went wrong while answering that. Please try again in a moment.';

/** Who is waiting for a reply to this request, and where to send it. */
interface Waiting {
  readonly kind: string;
  readonly channel?: string;
  readonly threadTs?: string;
  readonly user?: string;
  readonly responseUrl?: string;
  readonly eventId?: string;
}

export interface ErrorHandlerArgs {
  readonly error: Error;
  readonly body?: unknown;
  readonly context?: { readonly retryNum?: number | undefined; readonly botToken?: string | undefined };
}

export interface ErrorHandlerDeps {
  readonly client: webApi.WebClient;
  readonly logger: Logger;
  /** How long an apology to a response_url may take before it is given up; default 5 s. */
  readonly apologyTimeoutMs?: number;
}

/**
 * The one place listener errors end up (Bolt's `app.error`, extended form). It logs the error with
 * what was being handled, and where a person is waiting, replies with a short apology: never the
 * error text or a stack. When what failed was a call to Slack, it only logs (see below). It never
 * throws, and an apology that cannot be delivered is only logged.
 */
export function createErrorHandler(deps: ErrorHandlerDeps) {
  return async ({ error, body, context }: ErrorHandlerArgs): Promise<void> => {
    try {
      // A failed Slack call is looked for before unwrapping: web-api's own errors keep their cause
      // in `.original` too (a request error's is a bare `TypeError: fetch failed`), which would
      // make a network failure look like a bug in faqbot.
      const slackFailure = slackCallFailure(error);
      const root = slackFailure ?? rootCause(error);
      const where = waiting(body);
      const { code, detail } = describeError(root);
      deps.logger.error(`faqbot: ${where.kind} failed: ${code} (${detail})`, {
        code,
        detail,
        kind: where.kind,
        channel: where.channel ?? null,
        user: where.user ?? null,
        event_id: where.eventId ?? null,
        retry_num: context?.retryNum ?? null,
      });
      if (slackFailure === undefined && root instanceof Error && root.stack) deps.logger.debug(root.stack);
      // When talking to Slack is what failed (network, 5xx, 429, or a refusal), web-api has already
      // retried it; an apology over Slack would go the same way (network errors: up to 5 more
      // attempts, seconds longer in flight). Only a refusal leaves Slack reachable, and only
      // privately, through a response_url: the channel that refused would refuse an apology too.
      if (slackFailure !== undefined && !(platformError(slackFailure) !== null && where.responseUrl)) return;
      await apologise(where, root, context?.botToken);
    } catch (secondary) {
      deps.logger.error(`faqbot: could not report a listener error: ${describeError(secondary).detail}`);
    }
  };

  async function apologise(where: Waiting, root: unknown, token: string | undefined): Promise<void> {
    const message = renderNotice(APOLOGY);
    try {
      if (where.responseUrl) {
        // /faq and buttons: the response_url reaches the person privately, member or not.
        if ((root as { code?: unknown } | null)?.code === 'slack_bolt_respond_error') return;
        const response = await fetch(where.responseUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...message }),
          // Without a limit, a response_url that never answers would keep this request in flight.
          signal: AbortSignal.timeout(deps.apologyTimeoutMs ?? APOLOGY_TIMEOUT_MS),
        });
        if (!response.ok) throw Object.assign(new Error(`response_url answered HTTP ${response.status}`), { statusCode: response.status });
      } else if (where.channel && (where.kind === 'app_mention' || where.kind === 'message')) {
        await deps.client.chat.postMessage({
          ...(token ? { token } : {}),
          channel: where.channel,
          ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
          text: message.text,
          blocks: message.blocks,
        });
      }
    } catch (failure) {
      deps.logger.warn(`faqbot: could not send an apology to ${where.channel ?? where.kind}: ${describeError(failure).detail}`);
    }
  }
}

/**
 * The failed Slack call behind a listener error, if that is what it was: the error itself, or one
 * Bolt wrapped (`UnknownError.original`, `MultipleListenerError.originals`). Checked on each
 * wrapper before its `.original`, since web-api's request error wraps the network error the same way.
 */
function slackCallFailure(error: unknown, depth = 0): unknown {
  if (isSlackCallError(error)) return error;
  if (depth >= 3 || error === null || typeof error !== 'object') return undefined;
  const wrapped = error as { original?: unknown; originals?: unknown };
  const inner = [wrapped.original, ...(Array.isArray(wrapped.originals) ? (wrapped.originals as unknown[]) : [])];
  for (const candidate of inner) {
    const found = candidate === undefined ? undefined : slackCallFailure(candidate, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Bolt wraps code-less errors (`UnknownError.original`); the cause is what is worth logging. */
function rootCause(error: Error): unknown {
  const wrapped = error as Error & { original?: unknown; originals?: unknown[] };
  if (wrapped.original !== undefined) return wrapped.original;
  if (Array.isArray(wrapped.originals) && wrapped.originals.length > 0) return wrapped.originals[0];
  return error;
}

function waiting(body: unknown): Waiting {
  const b = (body ?? {}) as {
    type?: string;
    event_id?: string;
    event?: { type?: string; channel?: string; ts?: string; thread_ts?: string; user?: string; channel_type?: string };
    command?: string;
    response_url?: string;
    user_id?: string;
    channel_id?: string;
    user?: { id?: string };
    channel?: { id?: string };
  };
  if (b.type === 'event_callback' && b.event) {
    const e = b.event;
    const kind = e.type ?? 'event';
    // Mentions are answered in a thread; DMs inline unless asked in a thread.
    const threadTs = kind === 'app_mention' ? (e.thread_ts ?? e.ts) : e.thread_ts;
    return {
      kind,
      ...(e.channel ? { channel: e.channel } : {}),
      ...(threadTs ? { threadTs } : {}),
      ...(e.user ? { user: e.user } : {}),
      ...(b.event_id ? { eventId: b.event_id } : {}),
    };
  }
  const kind = b.command ?? b.type ?? 'request';
  const channel = b.channel_id ?? b.channel?.id;
  const user = b.user_id ?? b.user?.id;
  return {
    kind,
    ...(channel ? { channel } : {}),
    ...(user ? { user } : {}),
    ...(b.response_url ? { responseUrl: b.response_url } : {}),
  };
}
