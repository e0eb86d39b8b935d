import type { Corpus } from '../corpus/types.ts';
import { locateQuote, preview } from '../faq/verify-faq.ts';
import type { FaqEntry, ResolvedCitation } from '../faq/types.ts';
import type { LoadedCorpus } from '../load-engine.ts';
import { foldText } from '../match/normalize.ts';
import type { Curation, NewCuration } from '../store/store.ts';

/**
 * Overlays curators' changes on faq.yml's entries: a phrasing becomes a variant of its entry, a new
 * entry joins the FAQ once its citations are found verbatim, exactly as faq.yml's are. Curations
 * are plain data here (no store, no SQL). One that no longer fits (its entry was removed from
 * faq.yml, an article changed under its quote) is skipped with a warning: a stale curation must
 * never take the bot down.
 */
export function applyCurations(loaded: LoadedCorpus, curations: readonly Curation[], warn: (message: string) => void = () => undefined): LoadedCorpus {
  if (curations.length === 0) return loaded;
  const entries = loaded.curated.map((e) => ({ ...e, variants: [...e.variants] }));
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const curation of curations) {
    // Exported into faq.yml already (`faqbot curate export`): the file's entry is the one to keep.
    if (curation.kind === 'entry' && byId.get(curation.entryId)?.question === curation.question) continue;
    const problem = curationProblem(curation, byId, loaded.corpus);
    if (problem) {
      warn(`Curation ${curation.id} skipped: ${problem}`);
      continue;
    }
    if (curation.kind === 'phrasing') {
      const entry = byId.get(curation.entryId)!;
      if (!isPhrasingOf(entry, curation.question)) entry.variants.push(curation.question);
    } else {
      const entry = { id: curation.entryId, question: curation.question, variants: [], answer: curation.answer, citations: resolveCitations(curation.citations, loaded.corpus) as ResolvedCitation[], curated: true };
      entries.push(entry);
      byId.set(entry.id, entry);
    }
  }
  return { ...loaded, curated: entries };
}

/**
 * Why a curation cannot apply to these entries and this corpus, or null when it can: the check
 * run before a curation is stored and again whenever it is overlaid.
 */
export function curationProblem(curation: NewCuration, entries: ReadonlyMap<string, FaqEntry>, corpus: Corpus): string | null {
  if (curation.question.trim() === '') return 'the question is empty.';
  if (curation.kind === 'phrasing') {
    return entries.has(curation.entryId) ? null : `there is no curated entry "${curation.entryId}".`;
  }
  if (!/^[a-z0-9][a-z0-9-]*$/.test(curation.entryId)) return `"${curation.entryId}" is not a valid entry id (lower-case letters, digits and hyphens).`;
  if (entries.has(curation.entryId)) return `an entry "${curation.entryId}" exists already.`;
  if (curation.answer.trim() === '') return 'the answer is empty.';
  if (curation.citations.length === 0) return 'a new entry needs at least one citation.';
  const resolved = resolveCitations(curation.citations, corpus);
  const bad = resolved.findIndex((r) => typeof r === 'string');
  return bad === -1 ? null : (resolved[bad] as string);
}

/** Each citation located verbatim in its article, or a sentence saying why not. */
function resolveCitations(citations: ReadonlyArray<{ readonly source: string; readonly quote: string }>, corpus: Corpus): Array<ResolvedCitation | string> {
  return citations.map(({ source, quote }) => {
    const article = corpus.articles.find((a) => a.source === source);
    if (!article) return `the citation's source "${source}" is not an article of the corpus.`;
    if (quote.trim() === '') return `the citation from ${source} has an empty quote.`;
    const located = locateQuote(article, quote);
    if (located === 'missing') return `the quote is not found verbatim in ${source}: "${preview(quote)}".`;
    if (located === 'outside-body') return `the quote is not inside one body paragraph of ${source}: "${preview(quote)}".`;
    return located;
  });
}

/** True when `question` is already the entry's question or one of its variants (case and accents aside). */
export function isPhrasingOf(entry: FaqEntry, question: string): boolean {
  const folded = foldText(question.trim());
  return [entry.question, ...entry.variants].some((q) => foldText(q.trim()) === folded);
}
