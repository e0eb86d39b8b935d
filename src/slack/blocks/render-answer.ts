/**
 * Renders an answer as Slack Block Kit. Pure functions of their inputs: what the
 * engine said in, `{ text, blocks }` out, always with a plain `text` fallback, always within Block
 * Kit's limits, and with every piece of article or user text escaped before it enters mrkdwn.
 *
 * An answered question looks like this (mrkdwn):
 *
 * ```
 * Rackspace founded OpenStack, using code NASA developed.
 * >OpenStack was founded by hosting services provider Rackspace using code developed by NASA…
 * — Hyper-V To Be Integrated in OpenStack, paragraph 2
 * [Helpful] [Not helpful]
 * ```
 */
import { createHash } from 'node:crypto';
import type { Answer, Citation } from '../../answer/types.ts';
import { ACTION_IDS, BLOCK_IDS, encodeAnswerRef } from './action-values.ts';
import {
  LIMITS,
  actions,
  button,
  capBlocks,
  cleanText,
  context,
  escapeMrkdwn,
  fallbackText,
  safeUrl,
  section,
  truncate,
  truncateMrkdwn,
  userMention,
  type KnownBlock,
  type SlackMessage,
} from './block-kit.ts';

export type Verdict = 'helpful' | 'not_helpful';

export interface AnswerRenderOptions {
  /** A private `/faq` answer: shows the question back and offers "Share in channel". */
  readonly private?: boolean;
  /** A shared answer starts with "<@user> asked: …". */
  readonly askedBy?: string;
  /** Example questions for an "unknown" reply, used when the answer itself carries none. */
  readonly examples?: readonly string[];
  /** Feedback already given: a thank-you takes the place of the Helpful / Not helpful buttons. */
  readonly feedback?: { readonly verdict: Verdict; readonly user: string };
  /**
   * Slack's native feedback buttons (a `context_actions` block with `feedback_buttons`) instead of
   * the two plain buttons. For posted messages (threads, DMs, the assistant panel); private
   * (ephemeral) answers keep the plain buttons, which Slack documents for every message.
   */
  readonly nativeFeedback?: boolean;
}

/** Most quotes shown, whatever the engine returns (it promises 1–3). */
const MAX_CITATIONS = 5;
/** Most "did you mean" / example buttons. */
const MAX_CHOICES = 5;
/** Article titles are cut to this in attributions. */
const MAX_TITLE = 200;

export function renderAnswer(answer: Answer, options: AnswerRenderOptions = {}): SlackMessage {
  const question = cleanText(answer.question).replace(/\s+/g, ' ').trim();
  const lead: KnownBlock[] = [];
  if (options.askedBy) lead.push(context(`${userMention(options.askedBy)} asked: *${escapeMrkdwn(truncate(question, 500))}*`));
  else if (options.private && question) lead.push(context(`You asked: *${escapeMrkdwn(truncate(question, 500))}*`));

  const body = renderBody(answer, question, options.examples ?? []);
  const tail: KnownBlock[] = [];
  if (options.private && answer.status === 'answered') {
    tail.push(actions(BLOCK_IDS.share, [button('Share in channel', ACTION_IDS.share, refValue(answer, question), 'primary')]));
  }
  tail.push(options.feedback ? feedbackThanks(options.feedback.verdict, options.feedback.user) : options.nativeFeedback ? nativeFeedbackButtons(answer, question) : feedbackButtons(answer, question));

  const blocks = capBlocks([...lead, ...body.blocks, ...tail], LIMITS.messageBlocks, tail.length);
  return { text: fallbackText(body.text), blocks };
}

function renderBody(answer: Answer, question: string, examples: readonly string[]): SlackMessage {
  switch (answer.status) {
    case 'answered': {
      const citations = answer.citations.slice(0, MAX_CITATIONS);
      const short = answer.answer ?? '';
      // An answer about the article itself comes from its credits, which are never quoted.
      const about = answer.about ? `From the credits of ${answer.about.title}` : null;
      return {
        text: [short, ...citations.map((c) => `“${c.quote}” (${c.title}, paragraph ${paragraphLabel(c)})`), ...(about ? [about] : [])].join('\n'),
        blocks: [
          section(escapeMrkdwn(short)),
          ...citations.map((c) => section(citationMrkdwn(c))),
          ...(about ? [context(`— from the credits of _${truncateMrkdwn(escapeMrkdwn(answer.about!.title), MAX_TITLE)}_`)] : []),
        ],
      };
    }
    case 'ambiguous': {
      const choices = answer.suggestions.slice(0, MAX_CHOICES);
      // An actions block needs at least one button: with nothing to offer, say so as for unknown.
      if (choices.length === 0) return renderBody({ ...answer, status: 'unknown' }, question, examples);
      const list = choices.map((s) => `• ${escapeMrkdwn(s.question)}`).join('\n');
      return {
        text: `I'm not sure which you mean. Did you mean ${quotedChoices(choices.map((s) => s.question))}?`,
        blocks: [
          section(`I'm not sure which of these you mean. *Did you mean…*\n${list}`),
          actions(
            BLOCK_IDS.choices,
            choices.map((s, i) => button(s.question, `${ACTION_IDS.choosePrefix}${i}`, encodeAnswerRef({ entryId: s.entryId, question }))),
          ),
        ],
      };
    }
    case 'unknown': {
      const offered = answer.suggestions.length > 0 ? answer.suggestions.slice(0, 3) : examples.slice(0, 3).map((q) => ({ question: q, entryId: null }));
      const shown = question ? `“${escapeMrkdwn(truncate(question, 300))}”` : 'that';
      const intro = `Sorry, I don't know the answer to ${shown}: it isn't covered by the articles I know.`;
      const lead = answer.nearMatches ? '*Did you mean…*' : 'Here are some questions I can answer:';
      const blocks = [section(offered.length > 0 ? `${intro}\n${lead}\n${offered.map((s) => `• ${escapeMrkdwn(s.question)}`).join('\n')}` : intro)];
      // Example questions the engine can answer directly become one-click buttons.
      const clickable = offered.filter((s): s is { question: string; entryId: string } => typeof s.entryId === 'string' && s.entryId !== '');
      if (clickable.length > 0) {
        blocks.push(actions(BLOCK_IDS.choices, clickable.map((s, i) => button(s.question, `${ACTION_IDS.choosePrefix}${i}`, encodeAnswerRef({ entryId: s.entryId, question: s.question })))));
      }
      return {
        text: `Sorry, I don't know the answer to that.${offered.length === 0 ? '' : answer.nearMatches ? ` Did you mean ${quotedChoices(offered.map((s) => s.question))}?` : ` You could ask ${quotedChoices(offered.map((s) => s.question))}.`}`,
        blocks,
      };
    }
  }
}

/**
 * Questions as one phrase of a sentence, for the plain-text fallback (a notification, a screen
 * reader): `“Who founded OpenStack”, “What is Hyper-V” or “Is Microsoft joining”`. Their own end
 * punctuation goes, so the sentence around them ends once ("…?", never "…??").
 */
function quotedChoices(questions: readonly string[]): string {
  const quoted = questions.map((q) => `“${q.trim().replace(/[\s?.!]+$/u, '')}”`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** A quote as a Slack block quote (`>` on every line), then its source on the line below. */
function citationMrkdwn(c: Citation): string {
  const title = truncateMrkdwn(escapeMrkdwn(c.title), MAX_TITLE);
  const url = safeUrl(c.url);
  const source = url ? `<${url}|${title}>` : title;
  const date = c.date ? ` · ${escapeMrkdwn(truncate(c.date, 40))}` : '';
  const attribution = `— ${source}, paragraph ${paragraphLabel(c)}${date}`;
  const quote = escapeMrkdwn(c.quote)
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
  // The attribution holds a link that must not be cut, so the quote gives way.
  return `${truncateMrkdwn(quote, LIMITS.sectionText - attribution.length - 1)}\n${attribution}`;
}

function paragraphLabel(c: Citation): string {
  return Number.isFinite(c.paragraph) ? String(c.paragraph) : '?';
}

function refValue(answer: Answer, question: string): string {
  return encodeAnswerRef({ entryId: answer.entryId, question });
}

function feedbackButtons(answer: Answer, question: string): KnownBlock {
  const value = refValue(answer, question);
  return actions(BLOCK_IDS.feedback, [button('Helpful', ACTION_IDS.helpful, value), button('Not helpful', ACTION_IDS.notHelpful, value)]);
}

function nativeFeedbackButtons(answer: Answer, question: string): KnownBlock {
  const ref = { entryId: answer.entryId, question };
  return {
    type: 'context_actions',
    // Slack asks for a new block_id when a message is updated (a chooser becoming its answer, an
    // answer redone after an edit): one per (status, entry, question), so the buttons start afresh.
    block_id: `${BLOCK_IDS.feedback}_${createHash('sha256').update(`${answer.status}\n${answer.entryId ?? ''}\n${question}`).digest('hex').slice(0, 12)}`,
    elements: [
      {
        type: 'feedback_buttons',
        action_id: ACTION_IDS.native,
        positive_button: { text: { type: 'plain_text', text: 'Helpful' }, value: encodeAnswerRef(ref, 'helpful'), accessibility_label: 'Mark this answer as helpful' },
        negative_button: { text: { type: 'plain_text', text: 'Not helpful' }, value: encodeAnswerRef(ref, 'not_helpful'), accessibility_label: 'Mark this answer as not helpful' },
      },
    ],
  };
}

function feedbackThanks(verdict: Verdict, user: string): KnownBlock {
  const said = verdict === 'helpful' ? 'helpful' : 'not helpful';
  return context(`Thanks for the feedback, ${userMention(user)}: marked as ${said}.`, BLOCK_IDS.feedback);
}

/**
 * The blocks of a posted answer with the feedback buttons replaced by a thank-you (for
 * `chat.update`). Blocks come back from Slack as posted, so only the feedback block changes.
 */
export function acknowledgeFeedback(blocks: readonly unknown[], verdict: Verdict, user: string): KnownBlock[] {
  const out = blocks
    .filter((b): b is KnownBlock => typeof b === 'object' && b !== null && typeof (b as { type?: unknown }).type === 'string')
    .map((b) => ('block_id' in b && b.block_id === BLOCK_IDS.feedback ? feedbackThanks(verdict, user) : b));
  return capBlocks(out, LIMITS.messageBlocks);
}

