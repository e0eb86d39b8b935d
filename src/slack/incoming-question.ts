import { redactSecrets } from '../redact-secrets.ts';
import { questionText } from './question-text.ts';
import { readableMarkup } from './readable-markup.ts';
import type { UserNameLookup } from './user-names.ts';

/**
 * The question in a message, as faqbot keeps it from here on (asked, echoed, carried in buttons,
 * logged): the bot's own mentions removed, Slack's markup made readable and its `&amp;`/`&lt;`/`&gt;`
 * decoded, anything shaped like a token or secret redacted, spaces collapsed.
 *
 * ```ts
 * await incomingQuestion('<@UBOT> does AT&amp;T use it? xoxb-1-2-abcdef', { botUserId: 'UBOT', names })
 * // 'does AT&T use it? [redacted]'
 * ```
 */
export async function incomingQuestion(
  text: string | undefined,
  options: { readonly botUserId?: string | undefined; readonly names: UserNameLookup },
): Promise<string> {
  const withoutBot = questionText(text, options.botUserId);
  const readable = await readableMarkup(withoutBot, options.names);
  return redactSecrets(readable).replace(/\s+/g, ' ').trim();
}

/**
 * True if the text has something to ask about: a letter or a digit once emoji (`:wave:`, 👋) and
 * punctuation are set aside. "@faqbot :wave:" is a greeting, and gets the how-to, not "I don't
 * know the answer to 👋".
 */
export function hasWords(question: string): boolean {
  return /[\p{L}\p{N}]/u.test(question.replace(/:[a-z0-9_+'-]{1,64}:/gi, ' '));
}
