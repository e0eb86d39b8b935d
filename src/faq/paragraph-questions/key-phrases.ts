import { termsOf } from '../../match/normalize.ts';
import { STOPWORDS } from '../../match/stopwords.ts';
import { idf, type Frequencies } from './document-frequencies.ts';
import { CONNECTIVE_WORDS, TOKEN } from './english.ts';
import type { Key, Sentence } from './types.ts';

/**
 * A key phrase of a paragraph: its `text`; the `sentences` (indexes in the paragraph) holding it,
 * in reading order, and those it opens (`subjectOf`: it is what they are about); its `score`; and
 * another key phrase of its sentence (`context`), for the keyword variant.
 */
export type Phrase = Readonly<{ text: string; sentences: readonly number[]; subjectOf: readonly number[]; score: number; context: string }>;

/**
 * The paragraph's highest tf-idf noun-like n-grams. Candidate phrases: runs of capitalised words
 * (names, products), and 1–4 word runs of lowercase content words that do not end like a verb or
 * adverb ("patent claims", "interoperability pledge"). Scored by occurrences × mean idf, longer
 * and capitalised phrases favoured; a phrase sharing a word with a better one is dropped.
 */
export function keyPhrases(sentences: readonly Sentence[], namesInText: ReadonlySet<string>, stats: Frequencies): Phrase[] {
  const found = new Map<string, { text: string; sentences: number[]; subjectOf: number[]; count: number; capitalised: boolean }>();
  const note = (words: readonly string[], sentence: number, capitalised: boolean, opening: boolean): void => {
    const text = words.join(' ');
    const key = text.toLowerCase();
    const seen = found.get(key) ?? { text, sentences: [], subjectOf: [], count: 0, capitalised };
    found.set(key, seen);
    seen.count++;
    if (!seen.sentences.includes(sentence)) seen.sentences.push(sentence);
    if (opening) seen.subjectOf.push(sentence);
  };
  sentences.forEach((sentence, s) => {
    const tokens = [...sentence.text.matchAll(TOKEN)].map((m) => ({ word: m[0].replace(/'s$/, ''), start: m.index, end: m.index + m[0].length, possessive: m[0].endsWith("'s") }));
    let run: string[] = [];
    let runStart = 0;
    let kind: 'cap' | 'low' | null = null;
    const flush = (): void => {
      if (kind === 'cap' && run.length <= 5) note(run, s, true, runStart === 0);
      if (kind === 'low') for (let n = 1; n <= 4; n++) for (let i = 0; i + n <= run.length; i++) if (nounLike(run.slice(i, i + n))) note(run.slice(i, i + n), s, false, false);
      run = [];
      kind = null;
    };
    tokens.forEach((token, i) => {
      const gap = i === 0 ? '' : sentence.text.slice(tokens[i - 1]!.end, token.start);
      if (i > 0 && (!/^\s+$/.test(gap) || tokens[i - 1]!.possessive)) flush();
      const lower = token.word.toLowerCase();
      const capital = /^\p{Lu}|^\p{Ll}+\p{Lu}/u.test(token.word) && (i > 0 || namesInText.has(token.word) || /[\p{N}.&-]|\p{Lu}.*\p{Lu}/u.test(token.word));
      // A sentence's first word is capitalised by rule: unless it is a name, read it in lower case.
      const word = i === 0 && !capital ? lower : token.word;
      // "opens up", "provides an": a lowercase word in -s before these is a verb, not a plural.
      const verb = /^\p{Ll}.*s$/u.test(token.word) && /^(?:up|the|a|an|its|their|his|her)$/i.test(tokens[i + 1]?.word ?? '');
      const content = !verb && !STOPWORDS.has(lower) && !CONNECTIVE_WORDS.has(lower) && !(VERBISH.has(lower) && !capital) && /\p{L}/u.test(lower);
      const next: 'cap' | 'low' | null = capital && content ? 'cap' : !capital && content && /^[\p{Ll}]/u.test(word) ? 'low' : null;
      if (next !== kind) flush();
      if (next) {
        if (run.length === 0) runStart = i;
        run.push(word);
        kind = next;
      }
    });
    flush();
  });
  const scored = [...found.values()].map((p) => {
    const terms = termsOf(p.text);
    const weight = terms.length ? terms.reduce((sum, t) => sum + idf(stats, t), 0) / terms.length : 0;
    const words = p.text.split(' ').length;
    // Repeats count, but less than being a longer, more specific phrase.
    const kind = p.capitalised ? 1.3 : words === 1 ? 0.7 : 1;
    return { ...p, terms, score: (1 + Math.log(p.count)) * weight * (1 + 0.6 * (words - 1)) * kind };
  });
  scored.sort((a, b) => b.score - a.score || a.sentences[0]! - b.sentences[0]!);
  const chosen: Array<(typeof scored)[number]> = [];
  for (const candidate of scored) {
    if (candidate.terms.length === 0 || chosen.some((c) => c.terms.some((t) => candidate.terms.includes(t)))) continue;
    chosen.push(candidate);
  }
  return chosen.map((p) => {
    // The keyword variant adds the best other phrase of the same sentence: "commercial hypervisor cloud.com".
    const partner = chosen.find((c) => c !== p && c.sentences.includes(p.sentences[0]!));
    return { text: p.text, sentences: p.sentences, subjectOf: p.subjectOf, score: p.score, context: partner?.text.toLowerCase() ?? '' };
  });
}

/** A lowercase n-gram that reads as a noun phrase: no verb- or adverb-looking ends, single words long. */
function nounLike(words: readonly string[]): boolean {
  const last = words.at(-1)!;
  const first = words[0]!;
  if (/(?:ed|ing|ly)$/.test(last) || /(?:ed|ing|ly)$/.test(first) || VERBISH.has(last) || VERBISH.has(first)) return false;
  return words.length > 1 || last.length >= 8;
}

// Common verbs and adjectives that end an n-gram badly ("help integrate", "open source").
const VERBISH = new Set(
  'help make makes made use uses used provide provides run runs take takes allow allows get give gives become becomes became began seem seems said says remains keeps holds shows means needs wants leads lets puts plays including include includes well able likely past other potential several previously initially later particularly known shown seen given taken done behind across among around within without toward towards beyond despite via per amid along near onto inside outside'.split(' '),
);

/** The key-phrase question: "What does the article say about <phrase>?"; `context` is a partner phrase for the keyword variant. */
export function aboutKey(phrase: string, sentence: number, context: string): Key {
  return {
    kind: 'about',
    question: `What does the article say about ${phrase}?`,
    // Without a partner phrase the keyword form is the bare phrase, so a rephrasing takes its place.
    variants: context ? [`${phrase.toLowerCase()} ${context}`, `Tell me about ${phrase}.`, `${phrase}?`] : [phrase.toLowerCase(), `Tell me about ${phrase}.`, `What is said about ${phrase}?`],
    phrase,
    sentence,
  };
}
