import { stemmer } from 'stemmer';
import { IRREGULAR_VERBS } from './irregular-verbs.ts';
import { STOPWORDS } from './stopwords.ts';

// Slack wraps mentions, channels, links and emoji in markup the question's meaning does not need:
// <@U123>, <#C123|general>, <!here>, <http://x|label> (keep the label), :emoji: and ::skin-tone-2:.
const SLACK_LINK_WITH_LABEL = /<(?:https?|mailto):[^<>|]*\|([^<>]*)>/g;
const SLACK_ANGLE_MARKUP = /<[@#!][^<>]*>|<(?:https?|mailto):[^<>]*>/g;
const SLACK_EMOJI = /:[a-z0-9_+'-]{1,64}:/gi;

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/**
 * Folds a question or a passage into one comparable form: Slack markup removed, Unicode compatibility
 * forms folded (NFKC), curly quotes made straight, every dash a hyphen, lower case, spaces collapsed.
 *
 *   normalizeText('<@U1> What’s “Hyper‑V”? :thinking_face:')  // → `what's "hyper-v"?`
 */
export function normalizeText(text: string): string {
  return withApostrophes(foldText(text.replace(SLACK_LINK_WITH_LABEL, ' $1 ').replace(SLACK_ANGLE_MARKUP, ' ').replace(SLACK_EMOJI, ' ')));
}

// Chat drops the apostrophe ("whats hyperv", "dont", "im"): put back, these are the stopwords
// (and question forms) they stand for, not unknown words that count against every match.
const WH_IS = /\b(what|how|where|who|when|why|that|there)s\b/g;
const NOT = /\b(do|does|did|is|are|was|were|could|would|should|has|have|had)nt\b/g;
const OTHER_CHAT = /\b(?:cant|wont|im|ive)\b/g;
const CHAT_FORMS: Readonly<Record<string, string>> = { cant: "can't", wont: "won't", im: "i'm", ive: "i've" };

function withApostrophes(text: string): string {
  return text.replace(WH_IS, "$1's").replace(NOT, "$1n't").replace(OTHER_CHAT, (w) => CHAT_FORMS[w]!);
}

/** `normalizeText` without the Slack markup step: for article text, where `:` and `<` are prose. */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A word as written (lower-cased) and the term it is indexed under. */
export interface Token {
  readonly word: string;
  readonly term: string;
  /** True for a part of a hyphenated compound, which also yields its joined form. */
  readonly part?: boolean;
}

// Letters and digits of any script, with inner apostrophes, dots ("u.s.", "2.5"), hyphens, and an
// ampersand before one or two letters ("AT&T", "R&D": split, they would be stopwords and the name
// would vanish from the question; a URL's "&list=" is not a name) kept for the compound handling below.
const WORD = /[\p{L}\p{N}]+(?:['.\-][\p{L}\p{N}]+|&\p{L}{1,2}(?![\p{L}\p{N}]))*/gu;
const MAX_WORD_LENGTH = 40;

/** The index term for one lower-cased word: possessive dropped, irregular past made base, Porter-stemmed. */
export function termOf(word: string): string {
  const bare = word.replace(/'s$/, '').replace(/'/g, '');
  return /^[a-z]+$/.test(bare) ? stemmer(IRREGULAR_VERBS.get(bare) ?? bare) : bare;
}

/**
 * Visits the content words of normalized text in order: stopwords dropped; a hyphenated or dotted
 * compound gives its joined form, then (for hyphens) its parts, so "Hyper-V", "hyperv" and
 * "hyper v" meet on `hyperv` (the query side joins adjacent words the vocabulary knows, see
 * `prepareQuery`) and "open-source" still matches "open source".
 */
export function scanWords(normalized: string, visit: (word: string, part: boolean) => void): void {
  WORD.lastIndex = 0;
  for (let match = WORD.exec(normalized); match !== null; match = WORD.exec(normalized)) {
    const raw = match[0].length > MAX_WORD_LENGTH ? match[0].slice(0, MAX_WORD_LENGTH) : match[0];
    if (!/[.&\-]/.test(raw)) {
      if (!STOPWORDS.has(raw)) visit(raw, false);
      continue;
    }
    const parts = raw.split(/[.&\-]/).filter(Boolean);
    visit(parts.join(''), false);
    // Dotted abbreviations ("u.s.") and decimals ("2.5") are one word, not parts.
    if (raw.includes('-') && parts.length > 1) for (const part of parts) if (!STOPWORDS.has(part)) visit(part, true);
  }
}

/**
 * Splits normalized text into content tokens (see `scanWords`), each with its stemmed term.
 *
 *   tokenize(normalizeText('Hyper-V joins OpenStack'))  // terms: hyperv, hyper, v, join, openstack
 */
export function tokenize(normalized: string): Token[] {
  const tokens: Token[] = [];
  scanWords(normalized, (word, part) => tokens.push(part ? { word, term: termOf(word), part } : { word, term: termOf(word) }));
  return tokens;
}

/** Content terms of a text in one call: normalize then tokenize. */
export function termsOf(text: string): string[] {
  return tokenize(normalizeText(text)).map((t) => t.term);
}
