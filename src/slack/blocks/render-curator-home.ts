/**
 * App Home for a curator: what everyone sees (renderHome), then the last 7 days' figures and the
 * inbox of open suggestions, most frequent first, each with its three actions. Everything fits
 * Slack's 100 blocks: the inbox shows as many suggestions as fit and says how many more there are.
 *
 * ```
 * Curator inbox · last 7 days
 * 42 questions · 81% answered · 75% helpful (12 votes)
 * Asked most, not answered: • "how do I reset my token" (3×)
 * ─────
 * "how do I reset my token"
 * Not answered · asked 3 times · the bot said it didn't know
 * [Add as a phrasing of…] [New entry…] [Dismiss]
 * ```
 */
import type { types } from '@slack/bolt';
import type { Stats, Suggestion } from '../../curate/curation-service.ts';
import { LIMITS, actions, button, context, divider, escapeMrkdwn, header, section, truncate, type KnownBlock } from './block-kit.ts';
import { CURATE_ACTIONS, INBOX_ROW_PREFIX } from './curator-ids.ts';
import { renderHome, type HelpSource } from './render-help.ts';
import { describeSuggestion, oneLine } from './suggestion-facts.ts';
import { confirmDialog } from './view-kit.ts';

/** What the curator part shows; `null` when the store could not be read just now. */
export type CuratorSection = { readonly stats: Stats; readonly suggestions: readonly Suggestion[] } | null;

/** Longest question shown in an inbox row (the modal shows it whole). */
const MAX_SHOWN_QUESTION = 300;
/** Most inbox rows, even with room for more: a longer list is for `faqbot curate list`. */
const MAX_ROWS = 30;
/** Blocks each inbox row takes (the question and its facts, the buttons). */
const ROW_BLOCKS = 2;

export function renderCuratorHome(source: HelpSource, botUserId: string | undefined, curator: CuratorSection): types.HomeView {
  const home = renderHome(source, botUserId);
  const head: KnownBlock[] = [divider(), header('Curator inbox · last 7 days')];
  if (curator === null) {
    head.push(section("The curator inbox can't be read right now (the store did not answer). Open this tab again in a minute."));
    return { ...home, blocks: [...home.blocks, ...head].slice(0, LIMITS.homeBlocks) };
  }
  head.push(...statsBlocks(curator.stats));
  const open = curator.suggestions.filter((s) => s.id.length <= LIMITS.buttonValue);
  if (open.length === 0) {
    head.push(section('*Nothing to review.* Questions the bot could not answer, answers voted "not helpful" and "Did you mean" picks will show here.'));
    return { ...home, blocks: [...home.blocks, ...head].slice(0, LIMITS.homeBlocks) };
  }
  head.push(section(`*${open.length} open suggestion${open.length === 1 ? '' : 's'}*, most frequent first. Only curators see this part.`));
  // One block is kept back for the "…and N more" line.
  const room = LIMITS.homeBlocks - home.blocks.length - head.length - 1;
  const shown = open.slice(0, Math.max(0, Math.min(MAX_ROWS, Math.floor(room / ROW_BLOCKS))));
  const rows = shown.flatMap((s, i) => suggestionBlocks(s, i));
  const more = open.length - shown.length;
  const tail = more > 0 ? [context(`…and ${more} more: \`npx faqbot curate list\` shows them all.`)] : [];
  return { ...home, blocks: [...home.blocks, ...head, ...rows, ...tail].slice(0, LIMITS.homeBlocks) };
}

function statsBlocks(stats: Stats): KnownBlock[] {
  const helpful =
    stats.helpfulRate === null
      ? 'no votes yet'
      : `*${percent(stats.helpfulRate)}* helpful (${stats.helpful + stats.notHelpful} vote${stats.helpful + stats.notHelpful === 1 ? '' : 's'})`;
  const figures = `*${stats.questions}* question${stats.questions === 1 ? '' : 's'} · *${percent(stats.answeredRate)}* answered · ${helpful}`;
  const blocks = [section(figures)];
  const top = stats.topUnanswered.slice(0, 5);
  if (top.length > 0) {
    const lines = top.map((t) => `• “${escapeMrkdwn(truncate(oneLine(t.question), 200))}” (${t.count}×)`);
    blocks.push(section(`*Asked most, not answered*\n${lines.join('\n')}`));
  }
  return blocks;
}

function suggestionBlocks(s: Suggestion, index: number): KnownBlock[] {
  return [
    section(describeSuggestion(s, MAX_SHOWN_QUESTION)),
    actions(`${INBOX_ROW_PREFIX}${index}`, [
      button('Add as a phrasing of…', CURATE_ACTIONS.phrasing, s.id, 'primary'),
      button('New entry…', CURATE_ACTIONS.newEntry, s.id),
      {
        ...button('Dismiss', CURATE_ACTIONS.dismiss, s.id, 'danger'),
        confirm: confirmDialog('Dismiss this suggestion?', `“${truncate(oneLine(s.question), 200)}” leaves the inbox; nothing the bot knows changes.`, 'Dismiss', 'Keep it'),
      },
    ]),
  ];
}

function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

