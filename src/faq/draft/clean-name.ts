import { STOPWORDS } from '../../match/stopwords.ts';

const NOT_NAME_START = new Set([...STOPWORDS, 'under', 'according', 'unfortunately', 'often', 'lately', 'recently', 'however', 'although', 'though', 'during', 'since', 'while', 'upon', 'like', 'unlike', 'despite', 'within', 'without']);
const MONTHS = new Set(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);

/**
 * A matched name made usable: leading function words dropped ("The OpenStack project" keeps
 * "OpenStack project"), possessive dropped. In an appositive (`strict`), a one-word name needs
 * evidence that it is one: the article capitalises it mid-sentence far more than not (so "Often,
 * the visions…" gives no "What is Often?"), or its shape says so ("OpenStack", "Cloud.com", "R2").
 * Before "was founded by" or "is a", the sentence's shape is the evidence.
 */
export function cleanName(raw: string, names: ReadonlySet<string>, strict = true): string | null {
  const words = raw.replace(/'s$/, '').split(/\s+/);
  while (words.length && NOT_NAME_START.has(words[0]!.toLowerCase())) words.shift();
  while (words.length && /^(?:of|&)$/.test(words.at(-1)!)) words.pop();
  const first = words[0];
  if (first === undefined || /^\d/.test(first) || MONTHS.has(first)) return null;
  if (strict && words.length === 1 && !names.has(first) && !/[\p{N}.&-]|\p{Lu}.*\p{Lu}/u.test(first)) return null;
  return words.join(' ');
}
