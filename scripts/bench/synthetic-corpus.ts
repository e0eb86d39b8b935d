import fs from 'node:fs';
import path from 'node:path';
import { createRandom, createZipf, type Random } from './prng.ts';

/**
 * Real English function words, most frequent first. They make up about 45% of running text, so
 * they are most of every sentence here too: the index must drop them cheaply (stopwords), and
 * questions written with them must still find their passage.
 */
const FUNCTION_WORDS = `the of and to a in is that for it as was with be by on not he this are or his from at
which but have an they you were her she there been all we their has would when if so no will more can
its who some also into than other only may these most over such could after first two new what about
out up them then do any our your how where many much were before between both each few those through
under while because during until own same very just here why whom against again once`.split(/\s+/);

// Made-up words use only these letters, so out-of-vocabulary questions (built with j, q, x, y)
// are guaranteed to hold words the corpus has never seen.
const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'cr', 'dr', 'fr', 'gr', 'pl', 'st', 'tr', 'sh', 'ch', 'th'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ea'];
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'm', 'nd', 'st'];

export interface SyntheticOptions {
  readonly dir: string;
  readonly articles: number;
  readonly paragraphsPerArticle: number;
  readonly vocabulary: number;
  readonly seed: number;
}

export const SYNTHETIC_DEFAULTS: Omit<SyntheticOptions, 'dir'> = { articles: 1_000, paragraphsPerArticle: 100, vocabulary: 50_000, seed: 20_240_601 };

/**
 * Writes a deterministic corpus of `articles` markdown files of `paragraphsPerArticle` paragraphs
 * (every paragraph ends with a full stop, so none is dropped as a heading). Words are drawn from
 * one Zipf distribution (s = 1) over the function words followed by `vocabulary` made-up words, as
 * in real text: function words take the head (about 45% of tokens), and the commonest made-up
 * words land in ~10% of paragraphs, like "year" or "city" in Wikipedia. Sentences have 8-22 words,
 * paragraphs 2-5 sentences (~50 words); a few made-up words are capitalised like names.
 * Returns the number of paragraphs written.
 */
export function writeSyntheticCorpus(options: SyntheticOptions): number {
  const rand = createRandom(options.seed);
  const vocabulary = [...FUNCTION_WORDS, ...makeWords(options.vocabulary, rand)];
  const zipf = createZipf(vocabulary.length, 1.0, rand);
  const contentWord = (): string => vocabulary[FUNCTION_WORDS.length + rand.int(Math.min(5_000, options.vocabulary))]!;

  const sentence = (): string => {
    const length = 8 + rand.int(15);
    const parts: string[] = [];
    for (let i = 0; i < length; i++) {
      let w = vocabulary[zipf()]!;
      if (i > 0 && rand.chance(0.04)) w = capitalise(contentWord());
      if (i < length - 1 && rand.chance(0.06)) w += ',';
      parts.push(w);
    }
    return `${capitalise(parts.join(' '))}.`;
  };

  fs.mkdirSync(options.dir, { recursive: true });
  let paragraphs = 0;
  for (let a = 0; a < options.articles; a++) {
    const title = Array.from({ length: 3 + rand.int(4) }, () => capitalise(contentWord())).join(' ');
    const body: string[] = [];
    for (let p = 0; p < options.paragraphsPerArticle; p++) {
      body.push(Array.from({ length: 2 + rand.int(4) }, sentence).join(' '));
      paragraphs++;
    }
    fs.writeFileSync(path.join(options.dir, `synthetic-${String(a).padStart(4, '0')}.md`), `# ${title}\n\n${body.join('\n\n')}\n`);
  }
  return paragraphs;
}

/**
 * Questions no synthetic article can answer: made-up words spelled with letters the corpus never
 * uses, in ordinary question frames. They exercise the typo corrector's miss path.
 */
export function outOfVocabularyQuestions(count: number, seed: number): string[] {
  const rand = createRandom(seed);
  const alien = (): string => Array.from({ length: 2 + rand.int(2) }, () => rand.pick(['j', 'q', 'x', 'y', 'jy', 'qu', 'xy']) + rand.pick(VOWELS) + rand.pick(['', 'x', 'q', 'j'])).join('');
  const frames = [(a: string, b: string) => `What is the ${a} of ${b}?`, (a: string, b: string) => `How does ${a} affect ${b}?`, (a: string, b: string) => `${a} ${b}`, (a: string, b: string) => `Who invented the ${a} ${b}?`];
  return Array.from({ length: count }, () => rand.pick(frames)(alien(), alien()));
}

function makeWords(count: number, rand: Random): string[] {
  const seen = new Set<string>(FUNCTION_WORDS);
  const words: string[] = [];
  while (words.length < count) {
    const syllables = 2 + rand.int(3);
    let w = '';
    for (let s = 0; s < syllables; s++) w += rand.pick(ONSETS) + rand.pick(VOWELS) + (s === syllables - 1 || rand.chance(0.3) ? rand.pick(CODAS) : '');
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  return words;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
