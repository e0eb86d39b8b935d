import type { Engine } from '../engine.ts';
import { CurationError } from '../errors.ts';
import type { Curation, NewCuration, Store } from '../store/store.ts';
import { curationProblem } from './apply-curations.ts';
import type { CurationService, EntryChoice, NewEntryInput, PassageChoice, PhrasingInput, Stats, Suggestion } from './curation-service.ts';
import type { CuratorLookup } from './curator-lookup.ts';
import { computeStats } from './stats.ts';
import { buildSuggestions } from './suggestions.ts';

const DAY_MS = 86_400_000;

export interface StoreCurationServiceOptions {
  readonly store: Store;
  /** The engine serving now (faq.yml with the curations so far): its entries, corpus and ranking. */
  readonly getEngine: () => Engine;
  /** Told after a curation is stored, so this replica rebuilds at once (the others poll). */
  readonly onCurated?: (curation: Curation) => void;
  /** How far back suggestions look; default 90 days (question texts are purged after FAQBOT_RETAIN_DAYS anyway). */
  readonly windowMs?: number;
}

/**
 * The curator loop over the store: suggestions are computed from what is recorded (questions,
 * votes, picks, decisions) on every call, so every replica sees the same inbox; a change is
 * verified against the serving engine's entries and corpus before it is stored, like faq.yml.
 */
export class StoreCurationService implements CurationService {
  readonly #options: StoreCurationServiceOptions;

  constructor(options: StoreCurationServiceOptions) {
    this.#options = options;
  }

  async openSuggestions(now: number): Promise<Suggestion[]> {
    const { store } = this.#options;
    const since = now - (this.#options.windowMs ?? 90 * DAY_MS);
    const [questions, votes, picks, decisions] = await Promise.all([store.questionsSince(since), store.votesSince(since), store.picksSince(since), store.suggestionDecisions()]);
    const entries = this.#lookup().entries;
    return buildSuggestions({ questions, votes, picks, decisions, entryQuestion: (id) => entries.get(id)?.question ?? null });
  }

  async suggestion(id: string, now: number): Promise<Suggestion | null> {
    return (await this.openSuggestions(now)).find((s) => s.id === id) ?? null;
  }

  likelyEntries(question: string, limit: number): EntryChoice[] {
    return this.#lookup().likelyEntries(question, limit);
  }

  candidatePassages(question: string, limit: number): PassageChoice[] {
    return this.#lookup().candidatePassages(question, limit);
  }

  async acceptPhrasing(input: PhrasingInput): Promise<Curation> {
    const suggestion = input.suggestionId === null ? null : await this.#openSuggestion(input.suggestionId, input.at);
    const question = (input.question ?? suggestion?.question ?? '').trim();
    return this.#store({ kind: 'phrasing', entryId: input.entryId, question, suggestionId: input.suggestionId, by: input.by, at: input.at });
  }

  async addEntry(input: NewEntryInput): Promise<Curation> {
    if (input.suggestionId !== null) await this.#openSuggestion(input.suggestionId, input.at);
    const taken = new Set([...this.#lookup().entries.keys(), ...(await this.#options.store.curations()).map((c) => c.entryId)]);
    const entryId = freeId(slugOf(input.question), taken);
    return this.#store({ kind: 'entry', entryId, question: input.question.trim(), answer: input.answer.trim(), citations: input.citations, suggestionId: input.suggestionId, by: input.by, at: input.at });
  }

  async dismiss(suggestionId: string, by: string, at: number): Promise<boolean> {
    return this.#options.store.decideSuggestion({ suggestionId, decision: 'dismissed', by, at });
  }

  async stats(days: number, now: number): Promise<Stats> {
    const since = now - days * DAY_MS;
    const [questions, votes] = await Promise.all([this.#options.store.questionsSince(since), this.#options.store.votesSince(since)]);
    const entries = this.#lookup().entries;
    return computeStats(days, questions, votes, (id) => entries.get(id)?.question ?? null);
  }

  /** Verifies, records the decision (the first curator to decide wins), stores, and tells this replica. */
  async #store(curation: NewCuration): Promise<Curation> {
    const lookup = this.#lookup();
    const problem = curationProblem(curation, lookup.entries, lookup.corpus);
    if (problem) throw new CurationError(`Cannot ${curation.kind === 'phrasing' ? 'add the phrasing' : 'add the entry'}: ${problem}`);
    const { store } = this.#options;
    if (curation.suggestionId !== null && !(await store.decideSuggestion({ suggestionId: curation.suggestionId, decision: 'accepted', by: curation.by, at: curation.at }))) {
      throw new CurationError(`Suggestion ${curation.suggestionId} was already decided by someone else.`);
    }
    const stored = await store.addCuration(curation);
    this.#options.onCurated?.(stored);
    return stored;
  }

  async #openSuggestion(id: string, now: number): Promise<Suggestion> {
    const found = await this.suggestion(id, now);
    if (!found) throw new CurationError(`There is no open suggestion ${id} (it may have been decided already): see \`faqbot curate list\`.`);
    return found;
  }

  #lookup(): CuratorLookup {
    const lookup = this.#options.getEngine().curation;
    if (!lookup) throw new CurationError('This engine cannot be curated (it was not built from a corpus folder).');
    return lookup;
  }
}

/** An entry id from a question: "How do I reset my password?" → "how-do-i-reset-my-password". */
export function slugOf(question: string): string {
  const slug = question
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'entry';
}

function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
