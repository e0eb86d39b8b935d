import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FaqFileError } from '../errors.ts';
import { readTextFile } from '../corpus/read-text-file.ts';
import type { FaqFile } from './parse-faq-file.ts';

export type { FaqFile } from './parse-faq-file.ts';

/**
 * Where parsed faq.yml files are kept between runs (the project's node_modules/.cache, as babel
 * and eslint do). Parsing costs importing the YAML library and running it, about a quarter of
 * `faqbot ask`'s start-up; a cached parse is one JSON.parse.
 */
const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/faqbot/', import.meta.url));
/** The parser's own source: a change to it changes every cache key, so no stale parse survives it. */
const PARSER = fileURLToPath(new URL(`./parse-faq-file${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url));

/**
 * Reads and validates `faq.yml` (see `parseFaqFile`). A missing file is an empty FAQ (every
 * passage still gets a generated entry). A file that parsed cleanly before is read from the cache,
 * keyed by a hash of its text and of the parser's source; problems are never cached, so every run
 * reports them.
 */
export async function readFaqFile(file: string): Promise<FaqFile> {
  let source: string;
  try {
    source = await readTextFile(file, path.dirname(file));
  } catch (cause) {
    if ((cause as { code?: string }).code === 'ENOENT') return { file, articles: [], entries: [], synonyms: [] };
    throw new FaqFileError([`${file}: cannot read the FAQ file (${(cause as Error).message}).`]);
  }
  const parser = await fs.readFile(PARSER, 'utf8').catch(() => null);
  const key = parser === null ? null : createHash('sha256').update(parser).update('\0').update(source).digest('hex').slice(0, 32);
  const cacheFile = path.join(CACHE_DIR, `faq-${key}.json`);
  if (key !== null) {
    const cached = await fs.readFile(cacheFile, 'utf8').then((text) => JSON.parse(text) as Omit<FaqFile, 'file'>, () => null);
    if (cached !== null) return { ...cached, file };
  }
  // Loaded only on a cache miss: the YAML library is most of the parse's cost.
  const { parseFaqFile } = await import('./parse-faq-file.ts');
  const parsed = parseFaqFile(file, source);
  if (key !== null) {
    const { file: _file, ...data } = parsed;
    // Best effort, written whole then renamed (two processes may race): a read-only install parses every time.
    const partial = `${cacheFile}.${process.pid}`;
    await fs
      .mkdir(CACHE_DIR, { recursive: true })
      .then(() => fs.writeFile(partial, JSON.stringify(data)))
      .then(() => fs.rename(partial, cacheFile))
      .catch(() => undefined);
  }
  return parsed;
}
