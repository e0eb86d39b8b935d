import fs from 'node:fs/promises';
import path from 'node:path';
import { answerFrom, answerQuestion, curatedAnswer, type AnswerContext } from './answer/answer-question.ts';
import { parseGeneratedEntryId } from './answer/generated-entry.ts';
import type { Answer, Suggestion } from './answer/types.ts';
import type { ArticleMeta } from './corpus/article-meta.ts';
import { loadCorpus } from './corpus/load-corpus.ts';
import type { Corpus } from './corpus/types.ts';
import type { AskOptions, Engine } from './engine.ts';
import { applyCurations } from './curate/apply-curations.ts';
import { curatorLookup } from './curate/curator-lookup.ts';
import type { Curation } from './store/store.ts';
import { verifyFaq } from './faq/verify-faq.ts';
import { readFaqFile, type FaqFile } from './faq/read-faq-file.ts';
import { FaqFileError } from './errors.ts';
import type { FaqEntry } from './faq/types.ts';
import { FaqIndex } from './match/faq-index.ts';
import { DEFAULT_WORD_VECTORS_FILE, defaultWordVectors } from './match/default-word-vectors.ts';
import { calibrationKey, readCalibration, writeCalibration } from './calibration-cache.ts';
import { generateKeys, type GeneratedKey } from './faq/generate-keys.ts';
import { titleEntries } from './faq/title-entries.ts';
import { exactPhrasings } from './answer/exact-phrasings.ts';
import { runPaced, runToEnd, type BuildSteps, type Pause } from './match/build-steps.ts';

export const FAQ_FILE = 'faq.yml';
const EXAMPLE_COUNT = 5;

/** A corpus with its verified curated entries: what `check` validates and the engine is built from. */
export interface LoadedCorpus {
  readonly corpus: Corpus;
  readonly curated: readonly FaqEntry[];
  /** The corpus's own synonym groups from faq.yml (the engine adds general English ones). */
  readonly synonyms?: ReadonlyArray<readonly string[]>;
}

/**
 * Reads `DIR/faq.yml` (optional), loads every article of DIR with its curation data, and verifies
 * every curated citation verbatim. Throws CorpusError / FaqFileError naming file and line.
 */
export async function loadCuratedCorpus(corpusDir: string): Promise<LoadedCorpus> {
  let faq: FaqFile;
  let malformed: FaqFileError | null = null;
  try {
    faq = await readFaqFile(path.join(corpusDir, FAQ_FILE));
  } catch (error) {
    if (!(error instanceof FaqFileError) || error.partial === undefined) throw error;
    // Malformed but readable: verify what was read too, so one run reports every problem.
    malformed = error;
    faq = error.partial;
  }
  const meta = new Map<string, ArticleMeta>(faq.articles.map((a) => [a.source, a]));
  const corpus = await loadCorpus(corpusDir, meta);
  if (malformed === null) return { corpus, curated: verifyFaq(faq, corpus), synonyms: faq.synonyms };
  let unverified: readonly string[] = [];
  try {
    verifyFaq(faq, corpus);
  } catch (error) {
    if (!(error instanceof FaqFileError)) throw error;
    unverified = error.problems;
  }
  throw new FaqFileError(inLineOrder([...malformed.problems, ...unverified]));
}

/** Problems of one file (`file:line: …`) sorted by line, those of equal line in the order found. */
function inLineOrder(problems: readonly string[]): string[] {
  const lineOf = (problem: string): number => Number(/:(\d+): /.exec(problem)?.[1] ?? 0);
  return problems.map((problem, i) => ({ problem, i })).sort((a, b) => lineOf(a.problem) - lineOf(b.problem) || a.i - b.i).map((p) => p.problem);
}

export interface LoadEngineOptions {
  /** Curators' changes to overlay on faq.yml (see curate/apply-curations.ts). */
  readonly curations?: readonly Curation[];
  /** Told about each curation that no longer applies (it is skipped). */
  readonly warn?: (message: string) => void;
  /**
   * Prepares the corpus elsewhere (the bot's reloads: a worker thread reads the folder, overlays
   * the curations, generates the keys and calibrates, see `prepareCorpus`); the engine is then
   * built here from what it sends, in steps, pausing wherever `pause` asks, so this thread goes on
   * serving meanwhile. Without it everything is done here, at once.
   */
  readonly prepare?: () => Promise<PreparedCorpus>;
  /** Asked between the steps of a prepared build (see match/build-steps.ts); default: never pause. */
  readonly pause?: Pause;
}

/** Loads the corpus folder (articles + faq.yml), overlays any curations, and builds the answer engine once. */
export async function loadEngine(corpusDir: string, options: LoadEngineOptions = {}): Promise<Engine> {
  if (options.prepare) {
    const prepared = await options.prepare();
    for (const warning of prepared.warnings) options.warn?.(warning);
    return runPaced(engineSteps(prepared.loaded, prepared), options.pause ?? (() => undefined));
  }
  const loaded = applyCurations(await loadCuratedCorpus(corpusDir), options.curations ?? [], options.warn);
  const key = await calibrationKeyOf(loaded);
  const cached = await readCalibration(key);
  const engine = buildEngine(loaded, cached === undefined ? {} : { uncoveredConfidence: cached });
  if (cached === undefined && engine.uncoveredConfidence !== undefined) await writeCalibration(key, engine.uncoveredConfidence);
  return engine;
}

/**
 * Everything a build of the engine computes before the index's own structures, done where it is
 * done (`prepareCorpus`, in a reload's worker thread) and sent as plain data to where the engine is
 * built and serves.
 */
export interface PreparedCorpus {
  /** The folder read, with the curations overlaid. */
  readonly loaded: LoadedCorpus;
  /** The generated question keys of the paragraphs no curated entry covers. */
  readonly keys: readonly GeneratedKey[];
  /** The corpus calibration (cached or computed). */
  readonly uncoveredConfidence: number;
  /** The words of every FAQ-side text the index build read (FaqIndexOptions.wordCache). */
  readonly wordCache: Map<string, string[]>;
  /** Curations skipped as no longer applying, in words. */
  readonly warnings: readonly string[];
}

/**
 * Reads the folder, overlays the curations and builds the index once, calibrating unless the
 * calibration is cached: the heavy, pure part of a reload, for a worker thread. Throws as
 * `loadCuratedCorpus` does.
 */
export async function prepareCorpus(corpusDir: string, curations: readonly Curation[]): Promise<PreparedCorpus> {
  const warnings: string[] = [];
  const loaded = applyCurations(await loadCuratedCorpus(corpusDir), curations, (message) => warnings.push(message));
  const key = await calibrationKeyOf(loaded);
  const cached = await readCalibration(key);
  const keys = generateKeys(loaded.corpus.articles, coveredParagraphs(loaded.curated));
  const wordCache = new Map<string, string[]>();
  const { index } = buildAnswerContext(loaded, { keys, wordCache, ...(cached === undefined ? {} : { uncoveredConfidence: cached }) });
  if (cached === undefined) await writeCalibration(key, index.uncoveredConfidence);
  return { loaded, keys, uncoveredConfidence: index.uncoveredConfidence, wordCache, warnings };
}

/**
 * The calibration cache's key for a loaded corpus (null outside a compiled build): which file holds
 * its calibration. It covers everything calibration depends on besides the code (articles, entries,
 * synonyms, vectors).
 */
export async function calibrationKeyOf(loaded: LoadedCorpus): Promise<string | null> {
  return calibrationKey({ articles: loaded.corpus.articles, curated: loaded.curated, synonyms: loaded.synonyms ?? [], vectors: await fileStamp(DEFAULT_WORD_VECTORS_FILE) });
}

/** A file's size and modification time: enough to tell the shipped vectors were rebuilt. */
async function fileStamp(file: string): Promise<string> {
  const stat = await fs.stat(file).catch(() => null);
  return stat ? `${stat.size}:${stat.mtimeMs}` : 'missing';
}

/** What a build may be given instead of computing it: the calibration, the generated keys, analysed texts. */
export interface BuildInputs {
  readonly uncoveredConfidence?: number;
  readonly keys?: readonly GeneratedKey[];
  readonly wordCache?: Map<string, string[]>;
}

/** Builds the engine over an already loaded corpus (the index is built here, once). */
export function buildEngine(loaded: LoadedCorpus, inputs: BuildInputs = {}): Engine & { readonly uncoveredConfidence?: number } {
  return runToEnd(engineSteps(loaded, inputs));
}

/** `buildEngine` in steps (see match/build-steps.ts). */
function* engineSteps(loaded: LoadedCorpus, inputs: BuildInputs): BuildSteps<Engine & { readonly uncoveredConfidence?: number }> {
  const { corpus, curated } = loaded;
  const context = yield* answerContextSteps(loaded, inputs);
  const { index } = context;
  const byId = new Map(curated.map((e) => [e.id, e]));
  return {
    ask: (question: string, options?: AskOptions): Answer =>
      answerQuestion(typeof question === 'string' ? question : '', context, typeof options?.context === 'string' ? { context: options.context } : {}, options?.exactWording !== false),
    answerEntry(entryId: string, question?: string): Answer | null {
      const entry = byId.get(entryId);
      if (entry) return curatedAnswer(entry, question ?? entry.question, context);
      const generated = parseGeneratedEntryId(entryId);
      const passage = generated && index.passages.find((p) => p.article.source === generated.source && p.paragraph.number === generated.paragraph);
      if (!passage) return null;
      const asked = question ?? '';
      const ranking = index.rank(asked);
      const candidate = ranking.candidates.find((c) => c.kind === 'passage' && c.passage === passage) ?? { kind: 'passage' as const, passage, score: 1, window: { first: 0, last: 0, focus: 0 }, typeFits: true };
      return answerFrom(candidate, asked, context, ranking);
    },
    articles: corpus.articles.map((a) => ({ source: a.source, title: a.title })),
    examples: context.examples.map((e) => e.question),
    curation: curatorLookup(corpus, curated, index),
    uncoveredConfidence: index.uncoveredConfidence,
  };
}

/** The index (generated keys, word vectors) and what answering needs besides: built once. */
export function buildAnswerContext(loaded: LoadedCorpus, inputs: BuildInputs = {}): AnswerContext {
  return runToEnd(answerContextSteps(loaded, inputs));
}

function* answerContextSteps({ corpus, curated, synonyms = [] }: LoadedCorpus, inputs: BuildInputs): BuildSteps<AnswerContext> {
  const keys = inputs.keys ?? generateKeys(corpus.articles, coveredParagraphs(curated));
  const titled = titleEntries(corpus.articles, new Set(curated.flatMap((e) => e.citations.map((c) => c.source))));
  yield;
  const { uncoveredConfidence, wordCache } = inputs;
  const options = { synonyms, keys, vectors: defaultWordVectors(), ...(uncoveredConfidence === undefined ? {} : { uncoveredConfidence }), ...(wordCache ? { wordCache } : {}) };
  const index = yield* FaqIndex.build(corpus.articles, [...curated, ...titled], options);
  yield;
  const phrasings = exactPhrasings(curated);
  yield;
  return { index, articles: new Map(corpus.articles.map((a) => [a.source, a])), examples: pickExamples(curated, keys, corpus), entrySources: new Set([...curated, ...titled].flatMap((e) => e.citations.map((c) => c.source))), exactPhrasings: phrasings };
}

/** `source#paragraph` of every paragraph a curated entry cites: the generated keys leave those out. */
function coveredParagraphs(curated: readonly FaqEntry[]): Set<string> {
  return new Set(curated.flatMap((e) => e.citations.map((c) => `${c.source}#${c.paragraph}`)));
}

/**
 * Example questions: curated ones spread over the FAQ; for an uncurated corpus, generated
 * questions ("Who is Ted MacLean?") spread over it; failing both, one per article title.
 */
function pickExamples(curated: readonly FaqEntry[], keys: readonly GeneratedKey[], corpus: Corpus): Suggestion[] {
  if (curated.length > 0) return spread(curated).map((e) => ({ question: e.question, entryId: e.id }));
  if (keys.length > 0) return spread(keys).map((k) => ({ question: k.question, entryId: `${k.source}#${k.paragraph}` }));
  return corpus.articles.slice(0, EXAMPLE_COUNT).map((a) => ({ question: `What does "${a.title}" say?`, entryId: `${a.source}#1` }));
}

function spread<T>(items: readonly T[]): T[] {
  const step = Math.max(1, Math.floor(items.length / EXAMPLE_COUNT));
  return items.filter((_, i) => i % step === 0).slice(0, EXAMPLE_COUNT);
}
