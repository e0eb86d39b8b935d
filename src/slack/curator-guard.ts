import type { ListenerDeps } from './listener-deps.ts';
import type { CurationDeps } from './curation-deps.ts';

/**
 * The curation deps if `user` is a curator; otherwise null, with a warning naming who tried what.
 * Every curator button and view_submission passes here first: a request can be forged by anyone
 * who can reach the endpoint with a valid signature replayed or a copied view, and the Home tab
 * showing no buttons to them proves nothing.
 */
export async function curatorOnly(deps: ListenerDeps, user: string | undefined, what: string): Promise<CurationDeps | null> {
  const curation = deps.curation;
  if (curation && user && (await curation.curators.isCurator(user))) return curation;
  deps.logger.warn(`faqbot: refused a curator action from someone who is not a curator (FAQBOT_CURATORS): ${what}`, { user: user ?? null, action: what });
  return null;
}
