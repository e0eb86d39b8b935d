/**
 * Removes anything shaped like a Slack credential from free text: a token someone pasted into a
 * question by mistake must never be echoed into a channel, carried in a button, or written to a log.
 *
 * ```ts
 * redactSecrets('why does xoxb-123-456-abc fail?') // 'why does [redacted] fail?'
 * ```
 *
 * Shapes caught (Slack's documented token prefixes, and the 32-hex-digit signing secret and
 * client secret): bot `xoxb-`, user `xoxp-`, app-level `xapp-`, refresh `xoxe-` / `xoxe.xoxp-`,
 * configuration `xoxe.xoxb-`, legacy `xoxa-`/`xoxo-`/`xoxs-`/`xoxr-`, workflow `xwfp-`, and
 * incoming-webhook URLs (`hooks.slack.com/services/…`). A long hex string is redacted whatever it
 * is: no question needs a 32-digit hex number, and a signing secret looks exactly like one.
 */
export const SECRET_PATTERNS: readonly RegExp[] = [
  /\b(?:xox[abposre](?:\.xox[a-z])?|xoxe\.xox[a-z]|xapp|xwfp)-[A-Za-z0-9-]{6,}/g,
  /\bhttps?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9/_-]+/g,
  /\b[0-9a-f]{32,}\b/gi,
];

export const REDACTED = '[redacted]';

export function redactSecrets(text: string, replacement: string = REDACTED): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
