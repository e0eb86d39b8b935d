import { stemmer } from 'stemmer';
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
  return text
    .replace(SLACK_LINK_WITH_LABEL, ' $1 ')
    .replace(SLACK_ANGLE_MARKUP, ' ')
    .replace(SLACK_EMOJI, ' ')
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

// Letters and digits of any script, with inner apostrophes, dots ("u.s.", "2.5") and hyphens kept for
// the compound handling below.
const WORD = /[\p{L}\p{N}]+(?:['.\-][\p{L}\p{N}]+)*/gu;
const MAX_WORD_LENGTH = 40;

/** The index term for one lower-cased word: possessive dropped, Porter-stemmed. */
export function termOf(word: string): string {
  const bare = word.replace(/'s$/, '').replace(/'/g, '');
  return /^[a-z]+$/.test(bare) ? stemmer(bare) : bare;
}

/**
 * Splits normalized text into content tokens: stopwords dropped, words stemmed. A hyphenated or
 * dotted compound yields its joined form and its parts, so "Hyper-V", "hyperv" and "hyper v" meet on
 * the term `hyperv` (the query side joins adjacent words the vocabulary knows, see `QueryTerms`),
 * and "open-source" still matches "open source".
 *
 *   tokenize(normalizeText('Hyper-V joins OpenStack'))  // terms: hyperv, hyper, v, join, openstack
 */
export function tokenize(normalized: string): Token[] {
  const tokens: Token[] = [];
  for (const match of normalized.matchAll(WORD)) {
    const raw = match[0].slice(0, MAX_WORD_LENGTH);
    const parts = raw.split(/[.\-]/).filter(Boolean);
    if (parts.length > 1) {
      const joined = parts.join('');
      // Dotted abbreviations ("u.s.") and decimals ("2.5") are one word, not parts.
      const keepParts = raw.includes('-');
      tokens.push({ word: joined, term: termOf(joined) });
      if (keepParts) for (const part of parts) pushContent(tokens, part, true);
    } else {
      pushContent(tokens, raw);
    }
  }
  return tokens;
}

function pushContent(tokens: Token[], word: string, part = false): void {
  if (STOPWORDS.has(word)) return;
  tokens.push(part ? { word, term: termOf(word), part } : { word, term: termOf(word) });
}

/** Content terms of a text in one call: normalize then tokenize. */
export function termsOf(text: string): string[] {
  return tokenize(normalizeText(text)).map((t) => t.term);
}
