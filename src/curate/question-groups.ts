import { createHash } from 'node:crypto';
import { foldText, normalizeText, tokenize } from '../match/normalize.ts';

/**
 * Near-duplicate questions, grouped: "How do I reset my password?" and "how to reset password"
 * are one suggestion, not two. A question is reduced to its set of content terms (stopwords
 * dropped, words stemmed, the same as matching reads them); two questions group when those sets
 * overlap by at least GROUP_OVERLAP (Jaccard). A group's key is its first member's term set, so
 * the same questions give the same key on every replica and every call.
 */
const GROUP_OVERLAP = 0.75;

export interface Asked {
  readonly text: string;
  readonly at: number;
  /** Who asked, when known: a group counts people as well as askings. */
  readonly user?: string | null;
}

export interface QuestionGroup<T extends Asked> {
  readonly key: string;
  readonly members: T[];
  /** The most recent wording. */
  readonly latest: T;
}

/**
 * The normalised form of a question: its sorted distinct content terms (or its folded text, if
 * none). A hyphenated word counts as its joined form only, so "Hyper-V" and "hyperv" are one.
 */
export function questionKey(text: string): string {
  const terms = [...new Set(tokenize(normalizeText(text)).filter((t) => !t.part).map((t) => t.term))].sort();
  return terms.length > 0 ? terms.join(' ') : foldText(text);
}

/** Groups questions (oldest first is expected) into near-duplicate groups. */
export function groupQuestions<T extends Asked>(asked: readonly T[]): Array<QuestionGroup<T>> {
  const groups: Array<{ key: string; terms: Set<string>; members: T[]; latest: T }> = [];
  for (const item of [...asked].sort((a, b) => a.at - b.at)) {
    const key = questionKey(item.text);
    const terms = new Set(key.split(' '));
    const group = groups.find((g) => g.key === key || overlap(g.terms, terms) >= GROUP_OVERLAP);
    if (group) {
      group.members.push(item);
      group.latest = item;
    } else {
      groups.push({ key, terms, members: [item], latest: item });
    }
  }
  return groups.map(({ key, members, latest }) => ({ key, members, latest }));
}

/** A stable id for a suggestion: a short hash of its kind, normalised question and entry. */
export function suggestionId(kind: string, key: string, entryId: string | null): string {
  return createHash('sha256').update(`${kind}\0${key}\0${entryId ?? ''}`).digest('hex').slice(0, 12);
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}
