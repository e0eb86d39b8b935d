const MAX_ANSWER = 300;

/** An entry's answer: ordinary white space folded, cut at a word boundary with "…" past MAX_ANSWER characters. */
export function shortAnswer(text: string): string {
  // Only ordinary white space is folded: no-break spaces and curly quotes stay as written.
  const clean = text.replace(/[ \t\r\n]+/g, ' ').trim();
  if (clean.length <= MAX_ANSWER) return clean;
  return `${clean.slice(0, MAX_ANSWER).replace(/\s+\S*$/, '')}…`;
}
