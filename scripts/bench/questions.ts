import fs from 'node:fs';
import type { Corpus } from '../../src/corpus/types.ts';
import type { FaqEntry } from '../../src/faq/types.ts';
import { createRandom, type Random } from './prng.ts';

/** Questions a seed-sized corpus was never asked about, so the bench also times refusals. */
const OFF_TOPIC = [
  'What is the capital of France?',
  'How do I reset my password?',
  'Who won the 1998 World Cup?',
  'What time does the cafeteria open?',
  'How tall is Mount Everest?',
  'Can you recommend a good pizza place?',
  'What is the boiling point of water at altitude?',
  'Who wrote Pride and Prejudice?',
  'How many moons does Jupiter have?',
  'What is the weather like tomorrow?',
];

/**
 * Questions built from a corpus's own sentences, like a reader half-remembering a passage: 3-8 of
 * a sentence's words kept in order, one typo'd in a third of them (never the first letter, which
 * real typos rarely hit), in a question frame or as bare keywords.
 */
export function sentenceQuestions(corpus: Corpus, count: number, seed: number): string[] {
  const rand = createRandom(seed);
  const paragraphs = corpus.articles.flatMap((article) => article.paragraphs.map((paragraph) => ({ article, paragraph })));
  if (paragraphs.length === 0) return [];
  const frames = [(w: string) => `What about ${w}?`, (w: string) => `How does ${w}?`, (w: string) => w, (w: string) => `Tell me about ${w}`, (w: string) => `Why ${w}?`];
  const questions: string[] = [];
  while (questions.length < count) {
    const { article, paragraph } = rand.pick(paragraphs);
    const sentence = rand.pick(paragraph.sentences);
    const words = article.text.slice(sentence.start, sentence.end).match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu) ?? [];
    if (words.length < 3) continue;
    const keep = Math.min(words.length, 3 + rand.int(6));
    const start = rand.int(words.length - keep + 1);
    let picked = words.slice(start, start + keep).filter((_, i) => i === 0 || !rand.chance(0.25));
    if (rand.chance(0.33)) picked = typoOne(picked, rand);
    questions.push(rand.pick(frames)(picked.join(' ')));
  }
  return questions;
}

/**
 * At least `min` questions for a curated corpus: every FAQ phrasing (question and variants) as
 * written and four perturbations of it — lower case without punctuation, one typo, one word
 * dropped, wrapped in Slack markup — then off-topic questions, topped up with sentence questions.
 */
export function faqQuestions(curated: readonly FaqEntry[], corpus: Corpus, min: number, seed: number): string[] {
  const rand = createRandom(seed);
  const questions: string[] = [];
  for (const entry of curated) {
    for (const phrasing of [entry.question, ...entry.variants]) {
      const words = phrasing.split(/\s+/).filter(Boolean);
      questions.push(
        phrasing,
        phrasing.toLowerCase().replace(/[?!.,]/g, ''),
        typoOne(words, rand).join(' '),
        words.length > 2 ? words.filter((_, i) => i !== 1 + rand.int(words.length - 1)).join(' ') : phrasing,
        `<@U0BENCH> ${phrasing} :thinking_face:`,
      );
    }
  }
  questions.push(...OFF_TOPIC, ...OFF_TOPIC.map((q) => q.toLowerCase()));
  const missing = Math.max(min - questions.length, Math.ceil(min / 10));
  questions.push(...sentenceQuestions(corpus, missing, seed + 1));
  return questions;
}

/** The `q` of every line of an eval-format JSONL file (`{"q", "any", "kind"}`). */
export function readEvalQuestions(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => String((JSON.parse(line) as { q: unknown }).q));
}

/** Every `step`-th question, `count` of them: a fixed, spread-out sample for the slow fuse.js scan. */
export function spreadSample<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)]!);
}

function typoOne(words: string[], rand: Random): string[] {
  const candidates = words.map((w, i) => ({ w, i })).filter(({ w }) => /^\p{L}{6,}$/u.test(w));
  if (candidates.length === 0) return words;
  const { w, i } = rand.pick(candidates);
  const at = 1 + rand.int(w.length - 2);
  const op = rand.int(3);
  const typo = op === 0 ? w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2) : op === 1 ? w.slice(0, at) + w.slice(at + 1) : w.slice(0, at) + w[at] + w.slice(at);
  return words.map((x, j) => (j === i ? typo : x));
}
