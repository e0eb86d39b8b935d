import type { Engine } from '../engine.ts';
import type { FaqEntry } from '../faq/types.ts';

/** A curated phrasing that the engine no longer answers with its own entry. */
export interface StrayPhrasing {
  readonly entryId: string;
  readonly phrasing: string;
  /** 'question', 'variant', or 'accepted' (a curator's phrasing from the store). */
  readonly role: 'question' | 'variant' | 'accepted';
  /** What the engine did instead: "unknown", "ambiguous (a, b)", "answered by x". */
  readonly outcome: string;
}

/**
 * "Test all": asks every curated question and variant (and every accepted phrasing) and returns
 * those that do not come back to their own entry, so an entry that steals another's questions, or
 * a matching change that loses some, is seen before it ships.
 */
export function strayPhrasings(engine: Engine, entries: readonly FaqEntry[], accepted: ReadonlySet<string>): { asked: number; stray: StrayPhrasing[] } {
  const stray: StrayPhrasing[] = [];
  let asked = 0;
  for (const entry of entries) {
    for (const [phrasing, role] of [[entry.question, 'question'] as const, ...entry.variants.map((v) => [v, accepted.has(`${entry.id}\0${v}`) ? 'accepted' : 'variant'] as const)]) {
      asked += 1;
      // The ranking alone: a curated wording always answers its entry, the question is whether a
      // little rewording would still (and whether another entry now takes it).
      const answer = engine.ask(phrasing, { exactWording: false });
      if (answer.status === 'answered' && answer.entryId === entry.id) continue;
      const outcome =
        answer.status === 'answered' ? `answered by ${answer.entryId}` : answer.status === 'ambiguous' ? `ambiguous (${answer.suggestions.map((s) => s.entryId).join(', ')})` : 'unknown';
      stray.push({ entryId: entry.id, phrasing, role, outcome });
    }
  }
  return { asked, stray };
}
