import fs from 'node:fs/promises';
import path from 'node:path';
import type { ArticleMeta } from '../corpus/article-meta.ts';
import { loadCorpus, parseArticle } from '../corpus/load-corpus.ts';
import type { Article } from '../corpus/types.ts';
import { CorpusError } from '../errors.ts';
import { draftEntries } from '../faq/paragraph-questions/draft-entries.ts';
import { renderDraft } from '../faq/paragraph-questions/render-draft.ts';
import { readFaqFile } from '../faq/read-faq-file.ts';
import { FAQ_FILE } from '../load-engine.ts';
import { writeLine, type CliIo } from './cli-io.ts';

/**
 * `faqbot draft FILE [--corpus DIR]`: writes proposed curated entries for one article to stdout as
 * YAML to paste under `entries:` in faq.yml, after a comment header saying how, with the article's
 * `articles:` item; for a corpus with no curation yet, a whole faq.yml to save as DIR/faq.yml. FILE is a path, or a file name inside the corpus folder. The article is read
 * as the engine reads it (curation data from DIR/faq.yml applies), so no quote comes from page
 * chrome, and drafted ids avoid the ids faq.yml already uses.
 */
export async function draft(file: string, corpusDir: string, io: CliIo): Promise<number> {
  const located = await locateArticle(file, corpusDir);
  const faq = await readFaqFile(path.join(corpusDir, FAQ_FILE));
  const source = path.basename(located);
  const listed = faq.articles.find((a) => a.source === source);
  const article = parseArticle(source, await fs.readFile(located, 'utf8'), listed);
  const entries = draftEntries(article, { background: await backgroundFor(article, corpusDir, faq.articles), reservedIds: faq.entries.map((e) => e.id) });
  const uncurated = faq.articles.length === 0 && faq.entries.length === 0 && faq.synonyms.length === 0;
  io.stdout.write(renderDraft(article, entries, { corpusDir, faqFile: path.join(corpusDir, FAQ_FILE), listed, inCorpus: path.dirname(located) === path.resolve(corpusDir), uncurated }));
  if (entries.length === 0) writeLine(io.stderr, `faqbot: ${source} has no body paragraphs to draft entries from.`);
  return 0;
}

/** The article file: FILE as a path if it exists, else FILE inside the corpus folder. */
async function locateArticle(file: string, corpusDir: string): Promise<string> {
  const candidates = [path.resolve(file), path.resolve(corpusDir, file)];
  for (const candidate of candidates) {
    const stat = await fs.stat(candidate).catch(() => null);
    if (stat?.isFile()) return candidate;
  }
  throw new CorpusError(`No article "${file}": looked for ${candidates.join(' and ')}. Give the path of a .txt or .md article, or its file name inside the corpus folder (--corpus DIR).`);
}

/**
 * The paragraphs that give key phrases their idf: the whole corpus when it loads (a word in every
 * article is no key), else the article alone.
 */
async function backgroundFor(article: Article, corpusDir: string, meta: readonly ArticleMeta[]): Promise<Article[]> {
  try {
    const corpus = await loadCorpus(corpusDir, new Map(meta.map((m) => [m.source, m])));
    return [...corpus.articles.filter((a) => a.source !== article.source), article];
  } catch (error) {
    if (error instanceof CorpusError) return [article];
    throw error;
  }
}
