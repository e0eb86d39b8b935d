import { applyCurations } from '../curate/apply-curations.ts';
import { buildEngine, loadCuratedCorpus } from '../load-engine.ts';
import { writeLine, type CliIo } from './cli-io.ts';
import { openExistingStore } from './cli-store.ts';
import { strayPhrasings } from './check-phrasings.ts';

/**
 * `faqbot check`: loads the corpus and faq.yml, verifying every citation verbatim (errors are
 * thrown, naming file, entry and line), then reports what the curated FAQ covers; paragraphs it
 * does not cover are answered from generated entries. Then "test all": every curated question and
 * variant, and with a store every accepted phrasing, is asked; those that do not come back to their
 * own entry are listed as warnings (errors, exit 1, with `strict`).
 */
export async function check(corpusDir: string, io: CliIo, options: { readonly strict?: boolean } = {}): Promise<number> {
  const loaded = await loadCuratedCorpus(corpusDir);
  const { corpus, curated } = loaded;
  const covered = new Set(curated.flatMap((e) => e.citations.map((c) => `${c.source}#${c.paragraph}`)));
  let paragraphs = 0;
  for (const article of corpus.articles) {
    const mine = article.paragraphs.filter((p) => covered.has(`${article.source}#${p.number}`)).length;
    paragraphs += article.paragraphs.length;
    writeLine(io.stdout, `${article.source}: "${article.title}", ${article.paragraphs.length} paragraphs, ${mine} covered by curated entries`);
  }
  writeLine(io.stdout, `check: ok — ${corpus.articles.length} articles, ${paragraphs} paragraphs, ${curated.length} curated entries with ${curated.reduce((n, e) => n + e.citations.length, 0)} verified citations; ${paragraphs - covered.size} paragraphs answered by generated entries`);
  return regressionCheck(loaded, io, options.strict === true);
}

async function regressionCheck(loaded: Awaited<ReturnType<typeof loadCuratedCorpus>>, io: CliIo, strict: boolean): Promise<number> {
  const store = await openExistingStore(io);
  const curations = store ? await store.curations().finally(() => store.close()) : [];
  const warn = (message: string): void => writeLine(io.stdout, `check: warning: ${message}`);
  const withCurations = applyCurations(loaded, curations, warn);
  // Nothing curated, nothing to ask: a large uncurated corpus need not build its index here.
  if (withCurations.curated.length === 0) return 0;
  const accepted = new Set(curations.filter((c) => c.kind === 'phrasing').map((c) => `${c.entryId}\0${c.question}`));
  const { asked, stray } = strayPhrasings(buildEngine(withCurations), withCurations.curated, accepted);
  const label = strict ? 'error' : 'warning';
  for (const s of stray) writeLine(strict ? io.stderr : io.stdout, `check: ${label}: "${s.phrasing}" (${s.role} of ${s.entryId}) comes back ${s.outcome}`);
  const from = store ? ` (with ${curations.length} curation${curations.length === 1 ? '' : 's'} from the store)` : '';
  const summary = `${stray.length} of ${asked} curated phrasings${from} do not come back to their own entry`;
  if (stray.length === 0) writeLine(io.stdout, `check: all ${asked} curated phrasings${from} come back to their own entry`);
  else if (strict) writeLine(io.stderr, `check: failed — ${summary}`);
  else writeLine(io.stdout, `check: ${summary} (warnings; --strict makes them errors)`);
  return strict && stray.length > 0 ? 1 : 0;
}
