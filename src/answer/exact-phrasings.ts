import type { FaqEntry } from '../faq/types.ts';
import { normalizeText } from '../match/normalize.ts';

/**
 * A question worded exactly as a curator wrote it for one entry — its question, a variant, or a
 * phrasing accepted from the inbox — is that entry's, whatever the ranking's confidence says. A
 * curator who adds "how much does hyperv cost" as a phrasing expects that question answered with
 * that entry, even where the articles share few words with it; without this, curation could leave
 * a miss a miss. Case, punctuation and spacing do not count ("How much does Hyper-V cost?" is
 * "how much does hyper v cost"); anything more is left to the ranking.
 */
export function phrasingKey(text: string): string {
  return normalizeText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .join(' ');
}

/** Each curated phrasing's key → its entry; a phrasing two entries share belongs to neither. */
export function exactPhrasings(entries: readonly FaqEntry[]): ReadonlyMap<string, FaqEntry> {
  const owners = new Map<string, FaqEntry | null>();
  for (const entry of entries) {
    if (!entry.curated) continue;
    for (const phrasing of [entry.question, ...entry.variants]) {
      const key = phrasingKey(phrasing);
      if (key === '') continue;
      const owner = owners.get(key);
      owners.set(key, owner === undefined || owner?.id === entry.id ? entry : null);
    }
  }
  const result = new Map<string, FaqEntry>();
  for (const [key, owner] of owners) if (owner) result.set(key, owner);
  return result;
}
