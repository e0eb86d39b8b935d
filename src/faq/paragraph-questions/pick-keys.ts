import { aboutKey } from './key-phrases.ts';
import type { Frequencies } from './document-frequencies.ts';
import { keyPhrases } from './key-phrases.ts';
import { patternKeys } from './pattern-keys.ts';
import type { DraftKind, Key, Sentence } from './types.ts';

const MAX_ENTRIES_PER_PARAGRAPH = 3;
const KIND_ORDER: readonly DraftKind[] = ['who', 'founded', 'what', 'when', 'how-many', 'said', 'about'];

/** Pattern keys first (most reliable kinds first), then key-phrase keys up to the paragraph's share. */
export function pickKeys(sentences: readonly Sentence[], namesInText: ReadonlySet<string>, stats: Frequencies, askedBefore: ReadonlySet<string>): Key[] {
  // A question an earlier paragraph already asks ("What is Hyper-V?") is not asked twice.
  const found = sentences.flatMap((sentence, i) => patternKeys(sentence.text, i, namesInText)).filter((k) => !askedBefore.has(k.question.toLowerCase()));
  found.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.sentence - b.sentence);
  const keys: Key[] = [];
  for (const key of found) if (keys.length < MAX_ENTRIES_PER_PARAGRAPH && !keys.some((k) => k.question === key.question)) keys.push(key);
  const share = Math.min(MAX_ENTRIES_PER_PARAGRAPH, sentences.length);
  const phrases = keyPhrases(sentences, namesInText, stats);
  // First phrases that can cite a sentence no key cites yet, so the entries cover the paragraph;
  // then any, citing the sentence where the phrase is the subject if there is one.
  const cited = new Set(keys.map((k) => k.sentence));
  for (const uncoveredOnly of [true, false]) {
    // An uncovered sentence earns an entry up to the paragraph maximum; otherwise stop at the share.
    const limit = uncoveredOnly ? MAX_ENTRIES_PER_PARAGRAPH : share;
    for (const phrase of phrases) {
      if (keys.length >= limit) break;
      if (keys.some((k) => k.phrase.toLowerCase().includes(phrase.text.toLowerCase()) || phrase.text.toLowerCase().includes(k.phrase.toLowerCase()))) continue;
      const choices = uncoveredOnly ? phrase.sentences.filter((i) => !cited.has(i)) : phrase.sentences;
      const sentence = choices.find((i) => phrase.subjectOf.includes(i)) ?? choices[0];
      if (sentence === undefined || askedBefore.has(aboutKey(phrase.text, sentence, '').question.toLowerCase())) continue;
      keys.push(aboutKey(phrase.text, sentence, phrase.context));
      cited.add(sentence);
    }
  }
  if (keys.length === 0 && sentences.length > 0) {
    const opening = sentences[0]!.text.split(/\s+/).slice(0, 6).join(' ').replace(/[,.;:!?"]+$/, '');
    keys.push(aboutKey(opening, 0, ''));
  }
  return keys;
}
