import type { webApi } from '@slack/bolt';
import { renderCuratorHome, type CuratorSection } from './blocks/render-curator-home.ts';
import { renderHome } from './blocks/render-help.ts';
import type { ListenerDeps } from './listener-deps.ts';

/** The figures a curator's Home shows: the last week, as `faqbot stats --days 7`. */
export const STATS_DAYS = 7;

/**
 * Publishes `user`'s Home tab: what everyone sees, and for a curator the week's figures and the
 * inbox. Called when the tab is opened and after each curator action (so the row acted on goes).
 * A store that does not answer costs the curator part only, never the Home everyone sees.
 */
export async function publishHome(deps: ListenerDeps, client: webApi.WebClient, user: string, botUserId: string | undefined): Promise<void> {
  const engine = deps.getEngine();
  const curation = deps.curation;
  const isCurator = curation ? await curation.curators.isCurator(user) : false;
  if (!curation || !isCurator) {
    await client.views.publish({ user_id: user, view: renderHome(engine, botUserId) });
    return;
  }
  const now = (deps.now ?? Date.now)();
  let section: CuratorSection;
  try {
    const [stats, suggestions] = await Promise.all([curation.service.stats(STATS_DAYS, now), curation.service.openSuggestions(now)]);
    section = { stats, suggestions };
  } catch (error) {
    deps.logger.error('faqbot: reading the curator inbox failed; App Home shows it as unavailable', error);
    section = null;
  }
  await client.views.publish({ user_id: user, view: renderCuratorHome(engine, botUserId, section) });
}
