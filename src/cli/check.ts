import { loadCuratedCorpus } from '../load-engine.ts';
import { writeLine, type CliIo } from './cli-io.ts';

/**
 * `faqbot check`: loads the corpus and faq.yml, verifying every citation verbatim (errors are
 * thrown, naming file, entry and line), then reports what the curated FAQ covers; paragraphs it
 * does not cover are answered from generated entries.
 */
export async function check(corpusDir: string, io: CliIo): Promise<number> {
  const { corpus, curated } = await loadCuratedCorpus(corpusDir);
  const covered = new Set(curated.flatMap((e) => e.citations.map((c) => `${c.source}#${c.paragraph}`)));
  let paragraphs = 0;
  for (const article of corpus.articles) {
    const mine = article.paragraphs.filter((p) => covered.has(`${article.source}#${p.number}`)).length;
    paragraphs += article.paragraphs.length;
    writeLine(io.stdout, `${article.source}: "${article.title}", ${article.paragraphs.length} paragraphs, ${mine} covered by curated entries`);
  }
  writeLine(io.stdout, `check: ok — ${corpus.articles.length} articles, ${paragraphs} paragraphs, ${curated.length} curated entries with ${curated.reduce((n, e) => n + e.citations.length, 0)} verified citations; ${paragraphs - covered.size} paragraphs answered by generated entries`);
  return 0;
}
