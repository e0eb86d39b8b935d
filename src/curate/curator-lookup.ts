import { selectQuote } from '../answer/select-quote.ts';
import type { Corpus } from '../corpus/types.ts';
import type { FaqEntry } from '../faq/types.ts';
import type { FaqIndex } from '../match/faq-index.ts';
import type { EntryChoice, PassageChoice } from './curation-service.ts';

/**
 * What a curator needs from the engine that answers: its entries (faq.yml with curations
 * overlaid), the corpus (to verify citations), and the engine's own ranking of entries and
 * passages for a question, so the pickers offer what the bot itself would consider.
 */
export interface CuratorLookup {
  readonly corpus: Corpus;
  readonly entries: ReadonlyMap<string, FaqEntry>;
  /** Entries likeliest for `question` first (by the engine's ranking), then every other one; at most `limit`. */
  likelyEntries(question: string, limit: number): EntryChoice[];
  /** The paragraphs that best match `question`, each with its best window quoted verbatim. */
  candidatePassages(question: string, limit: number): PassageChoice[];
}

export function curatorLookup(corpus: Corpus, curated: readonly FaqEntry[], index: FaqIndex): CuratorLookup {
  const entries = new Map(curated.map((e) => [e.id, e]));
  return {
    corpus,
    entries,
    likelyEntries(question, limit) {
      const ranked = question.trim() ? index.rank(question).curated.map((c) => c.entry).filter((e) => entries.has(e.id)) : [];
      const seen = new Set<string>();
      const choices: EntryChoice[] = [];
      for (const entry of [...ranked, ...curated]) {
        if (choices.length >= limit) break;
        if (seen.has(entry.id)) continue;
        seen.add(entry.id);
        choices.push({ id: entry.id, question: entry.question });
      }
      return choices;
    },
    candidatePassages(question, limit) {
      if (!question.trim()) return [];
      const ranking = index.rank(question);
      const answerType = ranking.query.answerType;
      return ranking.passages.slice(0, limit).map(({ passage, window }) => {
        const span = selectQuote(passage, window, answerType);
        return { source: passage.article.source, paragraph: passage.paragraph.number, quote: passage.article.text.slice(span.start, span.end) };
      });
    },
  };
}
