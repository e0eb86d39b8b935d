/**
 * The bot's own words as Block Kit: usage for `/faq help`, the how-to for an empty mention or DM,
 * short notices, and App Home. Like the answers, pure functions with a plain `text` fallback,
 * within Block Kit's limits, with every article title and example question escaped.
 */
import type { types } from '@slack/bolt';
import type { Engine } from '../../engine.ts';
import {
  LIMITS,
  capBlocks,
  cleanText,
  divider,
  escapeMrkdwn,
  fallbackText,
  header,
  section,
  truncateMrkdwn,
  userMention,
  type KnownBlock,
  type SlackMessage,
} from './block-kit.ts';

/** What help texts and App Home need from the engine. */
export type HelpSource = Pick<Engine, 'articles' | 'examples'>;

/** Article titles are cut to this in lists. */
const MAX_TITLE = 200;

/** `/faq` with nothing or `help`: how to use it, and what to ask. */
export function renderUsage(source: HelpSource, botUserId?: string): SlackMessage {
  const how = [
    '*Ask me about the articles I know.*',
    '• `/faq &lt;question&gt;`: I answer privately here, and you can share the answer in the channel.',
    '• `/faq help`: this message.',
    `• Mention ${botUserId ? userMention(botUserId) : 'me'} in a channel (I answer in the thread), or send me a direct message.`,
  ].join('\n');
  return {
    text: fallbackText(`Ask me about the articles I know: /faq <question>. For example: ${source.examples.slice(0, 3).map((q) => `/faq ${q}`).join(' / ')}`),
    blocks: capBlocks([section(how), ...examplesBlocks(source, (q) => `/faq ${q}`), ...articlesBlocks(source)], LIMITS.messageBlocks),
  };
}

/** An empty mention or an empty direct message: a short how-to. */
export function renderHowTo(source: HelpSource, where: 'mention' | 'dm', botUserId?: string): SlackMessage {
  const me = botUserId ? userMention(botUserId) : '@faqbot';
  const how =
    where === 'mention'
      ? `Hi! Ask me a question right after the mention, like \`${me} ${escapeMrkdwn(source.examples[0] ?? 'What is this about?')}\`, and I'll answer in the thread with quotes from the articles.`
      : "Hi! Ask me a question about the articles I know, in your own words, and I'll answer with quotes from them.";
  return {
    text: where === 'mention' ? 'Ask me a question right after the mention.' : 'Ask me a question about the articles I know.',
    blocks: capBlocks([section(how), ...examplesBlocks(source, (q) => q)], LIMITS.messageBlocks),
  };
}

/** A short plain notice (an apology, an answer that is gone): our words, escaped all the same. */
export function renderNotice(text: string): SlackMessage {
  return { text: fallbackText(text), blocks: [section(escapeMrkdwn(text))] };
}

/** App Home: what the bot knows, example questions, how to ask. */
export function renderHome(source: HelpSource, botUserId?: string): types.HomeView {
  const me = botUserId ? userMention(botUserId) : '@faqbot';
  const how = [
    '*How to ask*',
    `• Mention ${me} in a channel with your question: I answer in the thread.`,
    '• Send me a direct message in the *Messages* tab.',
    '• Type `/faq &lt;question&gt;` anywhere: only you see the answer, and you can share it.',
    'Every answer quotes the articles word for word, with the article and paragraph it comes from.',
  ].join('\n');
  const blocks = [
    header('faqbot'),
    section('I answer questions about a set of news articles, quoting them as my sources.'),
    section(how),
    divider(),
    ...articlesBlocks(source, 60),
    divider(),
    ...examplesBlocks(source, (q) => q, 8),
  ];
  return { type: 'home', blocks: capBlocks(blocks, LIMITS.homeBlocks) };
}

function examplesBlocks(source: HelpSource, format: (q: string) => string, max = 3): KnownBlock[] {
  const examples = source.examples.slice(0, max);
  if (examples.length === 0) return [];
  return [section(`*Try asking*\n${examples.map((q) => `• ${escapeMrkdwn(format(cleanText(q).replace(/\s+/g, ' ')))}`).join('\n')}`)];
}

/** The article titles, a few sections of bullet lines (each section within 3,000 characters). */
function articlesBlocks(source: HelpSource, max = 10): KnownBlock[] {
  if (source.articles.length === 0) return [];
  const lines = source.articles.slice(0, max).map((a) => `• ${truncateMrkdwn(escapeMrkdwn(a.title.replace(/\s+/g, ' ')), MAX_TITLE)}`);
  if (source.articles.length > max) lines.push(`…and ${source.articles.length - max} more.`);
  const chunks: string[] = [`*Articles I know (${source.articles.length})*`];
  for (const line of lines) {
    const last = chunks.length - 1;
    if ((chunks[last] ?? '').length + 1 + line.length <= LIMITS.sectionText) chunks[last] = `${chunks[last]}\n${line}`;
    else chunks.push(line);
  }
  return chunks.map((c) => section(c));
}
