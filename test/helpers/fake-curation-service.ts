/**
 * An in-memory CurationService for the Slack layer's rendering and handler tests: suggestions,
 * entries and passages are whatever the test puts in, and every call that changes something is
 * kept for assertions. The end-to-end test uses the real service instead.
 */
import type { CurationService, EntryChoice, PassageChoice, Stats, Suggestion } from '../../src/curate/curation-service.ts';
import type { Curation } from '../../src/store/store.ts';

export const EMPTY_STATS: Stats = {
  days: 7,
  questions: 0,
  answered: 0,
  ambiguous: 0,
  unknown: 0,
  failed: 0,
  answeredRate: 0,
  helpful: 0,
  notHelpful: 0,
  helpfulRate: null,
  medianLatencyMs: null,
  p99LatencyMs: null,
  topEntries: [],
  topUnanswered: [],
};

let ids = 0;

export function suggestion(fields: Partial<Suggestion> & { question: string }): Suggestion {
  ids += 1;
  return {
    id: `s${ids}`,
    kind: 'unanswered',
    count: 1,
    entryId: null,
    answered: { status: 'unknown', entryId: null, entryQuestion: null },
    lastAskedAt: 1_700_000_000_000,
    ...fields,
  };
}

export class FakeCurationService implements CurationService {
  suggestions: Suggestion[] = [];
  entries: EntryChoice[] = [];
  passages: PassageChoice[] = [];
  statsValue: Stats = EMPTY_STATS;
  /** Thrown by the next call that changes something (then cleared). */
  failNext: Error | undefined;
  /** Thrown by every read (a store that does not answer). */
  failReads: Error | undefined;
  readonly accepted: Array<Parameters<CurationService['acceptPhrasing']>[0]> = [];
  readonly added: Array<Parameters<CurationService['addEntry']>[0]> = [];
  readonly dismissed: Array<{ suggestionId: string; by: string; at: number }> = [];
  readonly statsCalls: Array<{ days: number; now: number }> = [];
  readonly likelyCalls: Array<{ question: string; limit: number }> = [];
  readonly passageCalls: Array<{ question: string; limit: number }> = [];
  #curationId = 0;

  async openSuggestions(): Promise<Suggestion[]> {
    if (this.failReads) throw this.failReads;
    return [...this.suggestions];
  }

  async suggestion(id: string): Promise<Suggestion | null> {
    if (this.failReads) throw this.failReads;
    return this.suggestions.find((s) => s.id === id) ?? null;
  }

  likelyEntries(question: string, limit: number): EntryChoice[] {
    this.likelyCalls.push({ question, limit });
    return this.entries.slice(0, limit);
  }

  candidatePassages(question: string, limit: number): PassageChoice[] {
    this.passageCalls.push({ question, limit });
    return this.passages.slice(0, limit);
  }

  async acceptPhrasing(input: Parameters<CurationService['acceptPhrasing']>[0]): Promise<Curation> {
    this.#throwIfFailing();
    this.accepted.push(input);
    this.#close(input.suggestionId);
    this.#curationId += 1;
    return { kind: 'phrasing', id: this.#curationId, entryId: input.entryId, question: input.question ?? '', suggestionId: input.suggestionId, by: input.by, at: input.at };
  }

  async addEntry(input: Parameters<CurationService['addEntry']>[0]): Promise<Curation> {
    this.#throwIfFailing();
    this.added.push(input);
    this.#close(input.suggestionId);
    this.#curationId += 1;
    return { kind: 'entry', id: this.#curationId, entryId: `curated-${this.#curationId}`, ...input };
  }

  async dismiss(suggestionId: string, by: string, at: number): Promise<boolean> {
    this.#throwIfFailing();
    const open = this.suggestions.some((s) => s.id === suggestionId);
    if (open) this.dismissed.push({ suggestionId, by, at });
    this.#close(suggestionId);
    return open;
  }

  async stats(days: number, now: number): Promise<Stats> {
    if (this.failReads) throw this.failReads;
    this.statsCalls.push({ days, now });
    return this.statsValue;
  }

  #close(id: string | null): void {
    this.suggestions = this.suggestions.filter((s) => s.id !== id);
  }

  #throwIfFailing(): void {
    const error = this.failNext;
    this.failNext = undefined;
    if (error) throw error;
  }
}
