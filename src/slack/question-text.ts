/**
 * The question in a message addressed to the bot: its text without the bot's mention.
 *
 * ```ts
 * questionText('<@UBOT> who founded OpenStack?', 'UBOT') // 'who founded OpenStack?'
 * questionText('<@UBOT|faqbot>', 'UBOT')                 // ''
 * ```
 *
 * Without the bot's user id, leading mentions are taken to be the bot's. Other markup stays: the
 * engine strips it, and the reply escapes whatever it shows back.
 */
export function questionText(text: string | undefined, botUserId?: string): string {
  if (!text) return '';
  const withoutBot = botUserId
    ? text.replace(new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>`, 'g'), ' ')
    : text.replace(/^\s*(?:<@[UW][A-Z0-9]+(?:\|[^>]*)?>\s*)+/, ' ');
  return withoutBot.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
