import type { Article, Paragraph } from '../../corpus/types.ts';
import { IRREGULAR_VERBS } from '../../match/irregular-verbs.ts';
import { STOPWORDS } from '../../match/stopwords.ts';
import type { Sentence } from './types.ts';

// The English the question patterns share: what a word and a name look like in article text,
// sentences folded for analysis, connectives, past tenses, and ids from text. Each pattern file
// (who-keys.ts, when-key.ts, …) is one kind of question; these are the parts they have in common.

// --- token -------------------------------------------------------------------------------------

/** A word of article text: letters and digits, with inner apostrophes, dots, ampersands and hyphens ("Cloud.com", "AT&T", "Microsoft's"). */
export const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'.&-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

// --- name pattern ------------------------------------------------------------------------------

// Regular-expression sources shared by the question patterns (each used inside `new RegExp(…, 'u')`).

// A capitalised word: "OpenStack", "Cloud.com", "Hyper-V", "MacLean", "vCloud", "Microsoft's".
const CAP = String.raw`(?:\p{Lu}\.(?=\s)|\p{Lu}[\p{L}\p{N}]*|\p{Ll}+\p{Lu}[\p{L}\p{N}]*)(?:[.&-][\p{L}\p{N}]+)*(?:'s)?`;
/** A name: capitalised words, with "of"/"&" and numbers inside ("Bank of America", "Windows Server 2008 R2"). */
export const NAME = String.raw`${CAP}(?:\s+(?:(?:of|&)\s+)?(?:${CAP}|\d[\p{L}\p{N}]*))*`;
/** A determiner that opens a description: "OpenStack, the open source …". */
export const DESCRIBED_BY = String.raw`(?:the|a|an|its|their|his|her|our)`;

// --- capitalise --------------------------------------------------------------------------------

/** The text with its first character upper-cased. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// --- end clause --------------------------------------------------------------------------------

/** A matched clause up to its end: white space folded, trailing sentence punctuation and quotes dropped. */
export function endClause(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[.!?"]+$/, '').trim();
}

// --- trim connectives --------------------------------------------------------------------------

const CONNECTIVES = String.raw`However|Moreover|Furthermore|Additionally|Also|But|And|So|Still|Meanwhile|Lately|Recently|Indeed|Nevertheless|Nonetheless|Thus|Therefore|Instead|Yet|Then|Likewise|Similarly|Consequently|Finally|Besides|Otherwise|Of course|In fact|That said|As a result|In addition|For example|For instance|In other words|On the other hand|After all|Even so|Now|Overall|Ultimately|Importantly|Notably|Specifically|In short|In turn|Still`;
/** The one-word connectives, lower-cased: never a key phrase. */
export const CONNECTIVE_WORDS: ReadonlySet<string> = new Set(CONNECTIVES.toLowerCase().split('|').filter((w) => !w.includes(' ')));
const LEADING_CONNECTIVES = new RegExp(String.raw`^(?:(?:${CONNECTIVES}),?\s+)+`, 'u');

/** Drops leading connectives ("However, ", "Lately, ") and capitalises what is left. */
export function trimConnectives(sentence: string): string {
  const trimmed = sentence.replace(LEADING_CONNECTIVES, '');
  return trimmed === sentence ? sentence : capitalise(trimmed);
}

// --- base form ---------------------------------------------------------------------------------

/**
 * Base form of a past-tense verb ("issued" → "issue", "stopped" → "stop", "applied" → "apply"),
 * or null when the word does not look like one. English spelling makes this a guess: the rules
 * restore a silent e where a past form usually drops one; a draft question may need a fix.
 */
export function baseForm(verb: string): string | null {
  const irregular = IRREGULAR_VERBS.get(verb) ?? IRREGULAR[verb];
  if (irregular) return irregular;
  if (!/^[a-z]{2,}ed$/.test(verb)) return null;
  if (/^[a-z]{1,2}ied$/.test(verb)) return verb.slice(0, -1);
  if (verb.endsWith('ied')) return `${verb.slice(0, -3)}y`;
  if (verb.endsWith('eed')) return verb.slice(0, -1);
  const stem = verb.slice(0, -2);
  if (/([b-df-hj-np-tv-z])\1$/.test(stem) && !/(?:ll|ss|ff|zz)$/.test(stem)) return stem.slice(0, -1);
  if (/[aeiou][^aeiou]+[eo]ll$/.test(stem)) return stem.slice(0, -1); // "controlled", "travelled"
  return SILENT_E.test(stem.replace(/qu/g, 'qw')) ? `${stem}e` : stem;
}

// Stem endings whose verb ends in e: produc-ed, mov-ed, issu-ed, chang-ed, us-ed, locat-ed,
// decid-ed, nam-ed, enabl-ed, explor-ed. Not "visit", "open", "develop", "honor".
const SILENT_E = /(?:[cvzu]|[aeu]ng|rg|[^s]s|[^aeiou]at|[^aeiou]ut|[^aeiou](?:[aiu][bdgklmnrs]|o[bdgklmst])|ap|ip|up|[bcdfgkptz]l|xplor|gnor|stor|scor|ador|plor)$/;

// Beyond the matcher's irregular verbs: forms it leaves out on purpose ("found", "left": the
// draft only meets them as verbs) and regular ones the spelling rules above get wrong.
const IRREGULAR: Readonly<Record<string, string>> = {
  added: 'add', created: 'create', found: 'find', left: 'leave', had: 'have', set: 'set', put: 'put', unveiled: 'unveil', opened: 'open', joined: 'join', signed: 'sign', announced: 'announce', released: 'release', issued: 'issue', launched: 'launch', acquired: 'acquire', introduced: 'introduce', closed: 'close', merged: 'merge',
};

// --- clean name --------------------------------------------------------------------------------

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

// --- names of ----------------------------------------------------------------------------------

/**
 * Words the article capitalises mid-sentence far more often than not: its names. A
 * sentence-initial capital says nothing, so those occurrences are not counted.
 */
export function namesOf(article: Article): Set<string> {
  const capitalised = new Map<string, number>();
  const lower = new Map<string, number>();
  for (const paragraph of article.paragraphs) {
    for (const span of paragraph.sentences) {
      const text = article.text.slice(span.start, span.end).replace(/[’]/g, "'");
      let first = true;
      for (const m of text.matchAll(TOKEN)) {
        const word = m[0].replace(/'s$/, '');
        if (/^\p{Ll}/u.test(word)) lower.set(word, (lower.get(word) ?? 0) + 1);
        else if (!first) capitalised.set(word, (capitalised.get(word) ?? 0) + 1);
        first = false;
      }
    }
  }
  // "Tesla" is a name though "the tesla" (the unit) occurs once; "Often" after a missed sentence
  // break is not, since "often" is mostly written in lower case.
  return new Set([...capitalised].filter(([word, n]) => n > 2 * (lower.get(word.toLowerCase()) ?? 0)).map(([word]) => word));
}

// --- sentences of ------------------------------------------------------------------------------

/**
 * The paragraph's sentences (as the corpus split them), each with a folded copy for analysis.
 * Curly quotes and no-break spaces become their plain forms, one code unit for one, so offsets
 * into `text` are offsets into the article; questions are written with the plain forms.
 */
export function sentencesOf(article: Article, paragraph: Paragraph): Sentence[] {
  return paragraph.sentences.map((span) => {
    const original = article.text.slice(span.start, span.end);
    return { span, original, text: original.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\u00a0/g, ' ') };
  });
}

// --- slugify -----------------------------------------------------------------------------------

/** Kebab-case a-z0-9 from any text, accents folded, at most `maxWords` words. */
export function slugify(text: string, maxWords: number): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word, _, words) => word && (!STOPWORDS.has(word) || words.every((w) => STOPWORDS.has(w))))
    .slice(0, maxWords)
    .join('-');
}
