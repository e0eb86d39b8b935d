import fs from 'node:fs/promises';
import path from 'node:path';
import { CorpusError } from '../errors.ts';
import type { ArticleMeta } from './article-meta.ts';
import { readTextFile } from './read-text-file.ts';
import { isHeadingLike, splitParagraphs } from './split-passages.ts';
import type { Article, Corpus } from './types.ts';

const ARTICLE_FILE = /\.(txt|md)$/i;
const MAX_TITLE = 120;

/** Lists the article files of a corpus folder, sorted; a clear error if the folder is unreadable. */
export async function listArticleFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (cause) {
    throw new CorpusError(`Cannot read the corpus folder ${dir}: ${describeFsError(cause)}. Point --corpus or FAQBOT_CORPUS at a folder of .txt or .md articles.`, { cause });
  }
  const files = names.filter((name) => ARTICLE_FILE.test(name)).sort();
  if (files.length === 0) throw new CorpusError(`The corpus folder ${dir} holds no .txt or .md articles.`);
  return files;
}

/** Loads every `.txt` and `.md` article of `dir`, applying the curation data where it names one. */
export async function loadCorpus(dir: string, meta: ReadonlyMap<string, ArticleMeta> = new Map()): Promise<Corpus> {
  const files = await listArticleFiles(dir);
  const articles = await Promise.all(
    files.map(async (source) => {
      const file = path.join(dir, source);
      let text: string;
      try {
        text = await readTextFile(file, dir);
      } catch (cause) {
        throw new CorpusError(`Cannot read the article ${file}: ${(cause as Error).message}.`, { cause });
      }
      return parseArticle(source, text, meta.get(source));
    }),
  );
  return { dir, articles };
}

/**
 * Finds an article's title and body. The title is a leading `# ` heading, else the curated title,
 * else the first line. A first line that is a heading (or repeats the curated title) is not body.
 * The body ends before the curated `bodyEndsBefore` line, so page chrome is never quoted.
 */
export function parseArticle(source: string, text: string, meta?: ArticleMeta): Article {
  let bodyStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (bodyStart < text.length && /\s/.test(text[bodyStart]!)) bodyStart++;
  const firstLineEnd = lineEnd(text, bodyStart);
  const firstLine = text.slice(bodyStart, firstLineEnd).trim();
  let title: string;
  const heading = /^#\s+(.+)$/.exec(firstLine);
  if (heading) {
    title = heading[1]!.trim();
    bodyStart = firstLineEnd;
  } else {
    title = meta?.title ?? firstLine;
    if (firstLine.toLowerCase() === title.toLowerCase() && (meta?.title !== undefined || isHeadingLike(firstLine))) {
      bodyStart = firstLineEnd;
    }
  }
  let bodyEnd = text.length;
  if (meta?.bodyEndsBefore) {
    const marker = findLineStartingWith(text, meta.bodyEndsBefore, bodyStart);
    if (marker >= 0) bodyEnd = marker;
  }
  return {
    source,
    title: shorten(title || source),
    text,
    paragraphs: splitParagraphs(text, bodyStart, bodyEnd),
    ...(meta?.url ? { url: meta.url } : {}),
    ...(meta?.date ? { date: meta.date } : {}),
  };
}

/** Offset of the first line (at or after `from`) whose trimmed text starts with `prefix`, or -1. */
export function findLineStartingWith(text: string, prefix: string, from: number): number {
  let at = from;
  while (at < text.length) {
    const end = lineEnd(text, at);
    if (text.slice(at, end).trim().startsWith(prefix)) return at;
    at = end + 1;
  }
  return -1;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

function shorten(title: string): string {
  return title.length <= MAX_TITLE ? title : `${title.slice(0, MAX_TITLE - 1).replace(/\s+\S*$/, '')}…`;
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'ENOTDIR') return 'not a folder';
  return code ?? 'unreadable';
}
