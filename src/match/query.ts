import { answerTypeOf, type AnswerType } from './answer-type.ts';
import { normalizeText, termOf, tokenize } from './normalize.ts';
import type { TypoCorrector } from './typo-corrector.ts';

/** Longest question considered: past this, text is noise for matching (and costs time). */
export const MAX_QUESTION_CHARS = 2_000;
/** A word corrected for a typo counts for less than one written right: the guess may be wrong. */
const CORRECTED_WEIGHT = 0.8;

export interface QueryTerm {
  readonly term: string;
  /** 1 for a word as written, less for a typo-corrected one or one from the earlier question. */
  readonly weight: number;
  /** True for a term of the earlier question in a thread: it counts at its weight in the total too. */
  readonly fromContext?: boolean;
}

/**
 * A follow-up ("and when was that?") is read with the thread's earlier question, whose terms count
 * this much: enough to say what "that" is, not enough to outweigh what the follow-up asks.
 */
export const CONTEXT_WEIGHT = 0.5;

export interface Query {
  readonly normalized: string;
  readonly terms: readonly QueryTerm[];
  /** The content words as written (typos corrected): what word vectors are looked up by. */
  readonly words: readonly string[];
  readonly answerType: AnswerType;
  /** The question's opening word class (see `questionForm`); matched against FAQ phrasings. */
  readonly form: string;
}

/**
 * A pseudo-term for how a question is asked: "how is X…" and "is X…" share every content word but
 * want different answers, so FAQ phrasings are compared on this too. Empty for keyword queries.
 *
 *   questionForm('how is microsoft joining?')  // → '?how'
 *   questionForm('is microsoft joining?')      // → '?yesno'
 */
export function questionForm(normalized: string): string {
  const first = /^(?:and |so |but |ok |hey |hi )?([a-z]+)/.exec(normalized)?.[1] ?? '';
  // "What did the pledge do?" asks what it does, not what it is: another form than "What is…?".
  if (first === 'what' && WHAT_DOES_IT_DO.test(normalized)) return '?whatdo';
  if (['who', 'whom', 'whose', 'what', 'which', 'when', 'where', 'why', 'how'].includes(first)) return `?${first === 'whom' || first === 'whose' ? 'who' : first}`;
  if (['is', 'are', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'has', 'have', 'had', 'should'].includes(first)) return '?yesno';
  return '';
}

const WHAT_DOES_IT_DO = /^(?:and |so |but |ok |hey |hi )?what (?:did|does|do|will|would|can|could|should|might) .*\bdo\b\s*\??\s*$/;

/** What a query needs to know of the index's vocabulary. */
export interface Vocabulary {
  hasTerm(term: string): boolean;
  /** True when a synonym of the term is in the index: the word is known, just said differently. */
  hasSynonym(term: string): boolean;
  /** The term's corpus idf (rarer is higher; an unseen term gets the largest). */
  idf(term: string): number;
  readonly corrector: TypoCorrector;
}

/**
 * Turns a question into weighted index terms: normalized, stopwords dropped, stemmed; adjacent
 * words joined when the vocabulary knows the compound ("hyper v" → `hyperv`); unknown words
 * corrected to the nearest known word where one is close ("openstak" → `openstack`). Unknown words
 * with no correction stay in: they count against every candidate's coverage.
 */
export function prepareQuery(question: string, vocabulary: Vocabulary, context?: string): Query {
  const own = prepareOwnQuery(question, vocabulary);
  // "thanks!", "ok", an emoji: no content words and not asked as a question — nothing to follow up.
  const asksSomething = own.terms.length > 0 || own.form !== '' || /\?\s*$/.test(question);
  if (!context || !asksSomething) return own;
  const earlier = prepareOwnQuery(context, vocabulary);
  const have = new Set(own.terms.map((t) => t.term));
  const added = earlier.terms.filter((t) => !have.has(t.term)).map((t) => ({ term: t.term, weight: t.weight * CONTEXT_WEIGHT, fromContext: true }));
  // What is asked, and how, is the follow-up's own: "and when was that?" wants a date.
  return { ...own, terms: [...own.terms, ...added], words: [...own.words, ...earlier.words] };
}

function prepareOwnQuery(question: string, vocabulary: Vocabulary): Query {
  const normalized = normalizeText(question.slice(0, MAX_QUESTION_CHARS * 2)).slice(0, MAX_QUESTION_CHARS);
  const tokens = tokenize(normalized);
  const terms = new Map<string, number>();
  const add = (term: string, weight: number): void => {
    terms.set(term, Math.max(terms.get(term) ?? 0, weight));
  };
  const words: string[] = [];
  const joinedAway = new Set<number>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const joined = termOf(tokens[i]!.word + tokens[i + 1]!.word);
    const [a, b] = [tokens[i]!, tokens[i + 1]!];
    // Two known words join too when the corpus writes them as one word more often than it uses
    // either ("open stack" → `openstack`), not when it uses them apart as well ("web app").
    const writtenAsOne = vocabulary.hasTerm(joined) && vocabulary.idf(joined) < Math.min(vocabulary.idf(a.term), vocabulary.idf(b.term));
    if (!vocabulary.hasTerm(a.term) || !vocabulary.hasTerm(b.term) || b.word.length === 1 || writtenAsOne) {
      if (vocabulary.hasTerm(joined)) {
        add(joined, 1);
        words.push(tokens[i]!.word + tokens[i + 1]!.word);
        joinedAway.add(i).add(i + 1);
      }
    }
  }
  let compoundKnown = false;
  tokens.forEach((token, i) => {
    if (!token.part) compoundKnown = vocabulary.hasTerm(token.term);
    if (joinedAway.has(i)) return;
    // "Hyper-V" is one term when the index knows `hyperv`; its parts would count it three times.
    if (token.part && compoundKnown) return;
    if (vocabulary.hasTerm(token.term) || vocabulary.hasSynonym(token.term)) {
      words.push(token.word);
      return add(token.term, 1);
    }
    const corrected = vocabulary.corrector.correct(token.word);
    words.push(corrected ?? token.word);
    if (corrected !== null) add(termOf(corrected), CORRECTED_WEIGHT);
    else add(token.term, 1);
  });
  return {
    normalized,
    terms: [...terms].map(([term, weight]) => ({ term, weight })),
    words,
    answerType: answerTypeOf(normalized),
    form: questionForm(normalized),
  };
}
