import { decodeEntities } from './decode-entities.ts';
import type { UserNameLookup } from './user-names.ts';

/**
 * Turns a Slack message's text into what a person reading it in Slack sees: mentions, channel
 * links, user groups, dates and links become their names and labels, and Slack's `&amp;`, `&lt;`,
 * `&gt;` are decoded, once, outside and inside the markup alike.
 *
 * ```ts
 * await readableMarkup('ask <@U0CAROL> in <#C0RANDOM|random> about <https://x.example|the doc> &amp; AT&amp;T', names)
 * // 'ask @Carol in #random about the doc & AT&T'
 * ```
 *
 * Names the lookup cannot tell become "@someone"; a channel link without its name, "#channel". The
 * result is plain text: whoever puts it into mrkdwn escapes it again (render does).
 */
export async function readableMarkup(text: string, names: UserNameLookup): Promise<string> {
  const parts: Array<string | Promise<string>> = [];
  let last = 0;
  for (const match of text.matchAll(MARKUP)) {
    parts.push(decodeEntities(text.slice(last, match.index)));
    parts.push(readableEntity(match[1] ?? '', names));
    last = match.index + match[0].length;
  }
  parts.push(decodeEntities(text.slice(last)));
  return (await Promise.all(parts)).join('');
}

/** `<…>` with no `<` or `>` inside: Slack never nests markup, and a typed `<` arrives as `&lt;`. */
const MARKUP = /<([^<>]*)>/g;

async function readableEntity(inner: string, names: UserNameLookup): Promise<string> {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? '' : decodeEntities(inner.slice(bar + 1)).trim();
  if (target.startsWith('@')) {
    if (label) return label.startsWith('@') ? label : `@${label}`;
    const name = await names.userName(target.slice(1));
    return `@${name ?? 'someone'}`;
  }
  if (target.startsWith('#')) return `#${(label || 'channel').replace(/^#/, '')}`;
  if (target.startsWith('!')) return special(target.slice(1), label);
  // A link: its label if it has one (Slack sets the label to what the person typed), else the URL.
  return label || decodeEntities(target).replace(/^mailto:/, '');
}

/** `<!here>`, `<!channel>`, `<!everyone>`, `<!subteam^S…|@team>`, `<!date^…|fallback>`. */
function special(command: string, label: string): string {
  const [name = ''] = command.split('^');
  if (name === 'here' || name === 'channel' || name === 'everyone') return `@${name}`;
  if (name === 'subteam') return label ? (label.startsWith('@') ? label : `@${label}`) : '@group';
  return label;
}
