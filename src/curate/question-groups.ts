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

/**
 * Groups questions into near-duplicate groups, oldest first. Months of misses group in one pass by
 * prefix filtering: with every term set ordered rarest term first, two sets whose overlap reaches
 * GROUP_OVERLAP must share a term among their first |set| - ceil(GROUP_OVERLAP * |set|) + 1, so a
 * question is compared only with the groups indexed under one of those few rare terms.
 */
export function groupQuestions<T extends Asked>(asked: readonly T[]): Array<QuestionGroup<T>> {
  type Group = { index: number; key: string; terms: Set<string>; members: T[]; latest: T };
  const items = [...asked].sort((a, b) => a.at - b.at).map((item) => ({ item, key: questionKey(item.text) }));
  const frequency = new Map<string, number>();
  for (const { key } of items) for (const term of new Set(key.split(' '))) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const prefix = (terms: ReadonlySet<string>): string[] =>
    [...terms]
      .sort((a, b) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, terms.size - Math.ceil(GROUP_OVERLAP * terms.size) + 1);

  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  const byTerm = new Map<string, Group[]>();
  for (const { item, key } of items) {
    const terms = new Set(key.split(' '));
    let group = byKey.get(key);
    if (!group) {
      // The earliest group that overlaps enough, as a scan of every group would find.
      for (const term of prefix(terms)) {
        for (const g of byTerm.get(term) ?? []) if ((!group || g.index < group.index) && overlap(g.terms, terms) >= GROUP_OVERLAP) group = g;
      }
    }
    if (group) {
      group.members.push(item);
      group.latest = item;
      byKey.set(key, group);
      continue;
    }
    const created: Group = { index: groups.length, key, terms, members: [item], latest: item };
    groups.push(created);
    byKey.set(key, created);
    for (const term of prefix(terms)) {
      const list = byTerm.get(term);
      if (list) list.push(created);
      else byTerm.set(term, [created]);
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
