/** A matched clause up to its end: white space folded, trailing sentence punctuation and quotes dropped. */
export function endClause(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[.!?"]+$/, '').trim();
}
