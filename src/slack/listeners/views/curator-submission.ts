import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewResponseAction, ViewSubmitAction } from '@slack/bolt';
import type { CurationDeps } from '../../curation-deps.ts';
import { curatorOnly } from '../../curator-guard.ts';
import type { ListenerDeps } from '../../listener-deps.ts';
import { notACurator, outOfDate } from './submission-errors.ts';

/** A curator's form, accepted so far: who sent it, the curation deps and the form's hidden part. */
export type CuratorSubmission<M> =
  | { readonly ok: true; readonly user: string; readonly curation: CurationDeps; readonly metadata: M }
  | { readonly ok: false; readonly response: ViewResponseAction };

/**
 * The first checks of every curator form: the sender is a curator (else refused, logged), and
 * the hidden part (private_metadata) is what the bot wrote (else "out of date"). `block` is where
 * the refusal is shown.
 */
export async function curatorSubmission<M>(
  deps: ListenerDeps,
  body: ViewSubmitAction,
  what: string,
  read: (raw: string | undefined) => M | null,
  block: string,
): Promise<CuratorSubmission<M>> {
  const user = body.user.id;
  const curation = await curatorOnly(deps, user, what);
  if (!curation) return { ok: false, response: notACurator(block) };
  const metadata = read(body.view.private_metadata);
  if (!metadata) return { ok: false, response: outOfDate(block) };
  return { ok: true, user, curation, metadata };
}

/** What a curator form's own handler gets once the first checks passed. */
export type AcceptedForm<M> = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs & { readonly user: string; readonly curation: CurationDeps; readonly metadata: M };

/**
 * A view_submission listener for a curator form: the first checks (`curatorSubmission`) run, a
 * refusal is acked under `block`, and only an accepted form reaches `handle`.
 */
export function curatorForm<M>(
  deps: ListenerDeps,
  what: string,
  read: (raw: string | undefined) => M | null,
  block: string,
  handle: (form: AcceptedForm<M>) => Promise<void>,
) {
  return async (args: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const accepted = await curatorSubmission(deps, args.body, what, read, block);
    if (!accepted.ok) return args.ack(accepted.response);
    return handle({ ...args, user: accepted.user, curation: accepted.curation, metadata: accepted.metadata });
  };
}
