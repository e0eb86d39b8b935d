import type { Query } from './query.ts';
import { SCORING } from './scoring.ts';

// How much of a question a candidate explains: the weighted-coverage arithmetic behind every score
// in `FaqIndex` (see scoring.ts), kept apart from the index that finds the candidates.

/**
 * Per query term: the term and its weight first, then derived forms and synonyms at a discount.
 * `id` is the term's id in the passage vocabulary (-1 if the corpus text never has it).
 */
export type QueryWeights = ReadonlyArray<ReadonlyArray<{ readonly term: string; readonly id: number; readonly weight: number }>>;

/**
 * How well a phrasing matches the question: mostly "how much of the question does this phrasing
 * explain", partly the reverse, so a phrasing's extra words cost less than the question's
 * unexplained ones. The question form ("how…" vs "is…") counts as one more term.
 */
export function phrasingSimilarity(query: Query, weights: QueryWeights, total: number, terms: ReadonlySet<string>, form: string, own: number): number {
  const matched = matchedWeight(weights, terms) + (query.form && query.form === form ? SCORING.formWeight : 0);
  const asked = total + (query.form ? SCORING.formWeight : 0);
  return SCORING.questionSide * (matched / asked) + (1 - SCORING.questionSide) * (own > 0 ? Math.min(1, matched / own) : 0);
}

/** For each term id a query can match: which query term (group) it counts for, and how much. */
export type GroupsById = Map<number, Array<{ group: number; weight: number }>>;

export function groupsById(weights: QueryWeights): GroupsById {
  const byId: GroupsById = new Map();
  weights.forEach((group, g) => {
    for (const { id, weight } of group) {
      if (id < 0) continue;
      let list = byId.get(id);
      if (!list) byId.set(id, (list = []));
      list.push({ group: g, weight });
    }
  });
  return byId;
}

/** Each query term's best weight among the given term ids. */
export function bestPerGroup(ids: Int32Array, byId: GroupsById, groups: number): Float64Array {
  const best = new Float64Array(groups);
  for (let i = 0; i < ids.length; i++) {
    const hits = byId.get(ids[i]!);
    if (!hits) continue;
    for (const { group, weight } of hits) if (weight > best[group]!) best[group] = weight;
  }
  return best;
}

export function sumOf(values: Float64Array): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** Each query term's weight in a text: its own if present, else its best derived form's. */
export function matchedWeight(weights: QueryWeights, terms: ReadonlySet<string>): number {
  let matched = 0;
  for (const group of weights) {
    for (const { term, weight } of group) {
      if (terms.has(term)) {
        matched += weight;
        break;
      }
    }
  }
  return matched;
}

/** One number for a pair of neighbouring term ids, in either order (questions invert word order). */
export function pairKey(a: number, b: number): number {
  return a < b ? a * 0x200000 + b : b * 0x200000 + a;
}

export function pairKeys(ids: readonly number[]): Set<number> {
  const keys = new Set<number>();
  for (let i = 0; i + 1 < ids.length; i++) if (ids[i]! >= 0 && ids[i + 1]! >= 0) keys.add(pairKey(ids[i]!, ids[i + 1]!));
  return keys;
}

export function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
