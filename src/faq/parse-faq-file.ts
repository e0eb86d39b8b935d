import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { ArticleMeta } from '../corpus/article-meta.ts';
import { FaqFileError } from '../errors.ts';
import type { RawEntry } from './types.ts';

/** What faq.yml says, validated: plain data (it is cached as JSON by readFaqFile). */
export interface FaqFile {
  readonly file: string;
  readonly articles: readonly ArticleMeta[];
  readonly entries: readonly RawEntry[];
  /** Groups of interchangeable words for this corpus ("hypervisor", "virtualization"). */
  readonly synonyms: ReadonlyArray<readonly string[]>;
}

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_CITATIONS = 3;

/**
 * Validates the text of a faq.yml: anything malformed is a `FaqFileError` listing every problem
 * as `file:line: entry "id": what is wrong`. The error carries what could be read despite them
 * (`partial`), so `check` can verify those citations too and report every problem in one run.
 */
export function parseFaqFile(file: string, source: string): FaqFile {
  const { faq, problems } = inspectFaqFile(file, source);
  if (problems.length) throw new FaqFileError(problems, faq ?? undefined);
  return faq!;
}

/**
 * Every problem of a faq.yml and what could be read despite them; `faq` is null when nothing
 * could (a YAML syntax error, or a top level that is not a mapping).
 */
export function inspectFaqFile(file: string, source: string): { faq: FaqFile | null; problems: string[] } {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems: string[] = [];
  const lineOf = (node: YamlNode | null | undefined): number => (node?.range ? lines.linePos(node.range[0]).line : 1);
  const at = (node: YamlNode | null | undefined, where: string, message: string): void => {
    problems.push(`${file}:${lineOf(node)}: ${where}${message}`);
  };
  for (const error of doc.errors) {
    // prettyErrors would add a code frame to the message; the line comes from the error's offset instead.
    problems.push(`${file}:${lines.linePos(error.pos[0]).line}: YAML syntax error: ${error.message.split('\n')[0]}`);
  }
  if (problems.length) return { faq: null, problems };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { faq: { file, articles: [], entries: [], synonyms: [] }, problems };
  if (!isMap(root)) return { faq: null, problems: [`${file}:${lineOf(root)}: expected a mapping with "articles" and "entries".`] };

  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!['articles', 'entries', 'synonyms'].includes(key)) at(pair.key as YamlNode, '', `unknown top-level key "${key}" (expected articles, entries, synonyms).`);
  }
  const articles = readArticles(root.get('articles', true) as YamlNode | undefined, at, lineOf);
  const entries = readEntries(root.get('entries', true) as YamlNode | undefined, at, lineOf);
  const synonyms = readSynonyms(root.get('synonyms', true) as YamlNode | undefined, at);
  return { faq: { file, articles, entries, synonyms }, problems };
}

type Report = (node: YamlNode | null | undefined, where: string, message: string) => void;

/** The items of an optional top-level list: none when it is absent or empty, none and a problem when it is not a list. */
function listItems(node: YamlNode | undefined, at: Report, what: string): YamlNode[] {
  if (node === undefined || (isScalar(node) && node.value === null)) return [];
  if (isSeq(node)) return node.items as YamlNode[];
  at(node, '', `"${what}" must be a list.`);
  return [];
}

function readArticles(node: YamlNode | undefined, at: Report, lineOf: (n: YamlNode | null | undefined) => number): ArticleMeta[] {
  const articles: ArticleMeta[] = [];
  for (const item of listItems(node, at, 'articles')) {
    if (!isMap(item)) {
      at(item, '', 'each article must be a mapping with "source" and "title".');
      continue;
    }
    const source = stringField(item, 'source', at, 'article: ', true);
    const where = `article "${source ?? '?'}": `;
    checkKeys(item, ['source', 'title', 'body_ends_before', 'url', 'date'], at, where);
    const title = stringField(item, 'title', at, where, false);
    const bodyEndsBefore = stringField(item, 'body_ends_before', at, where, false);
    const url = stringField(item, 'url', at, where, false);
    const date = stringField(item, 'date', at, where, false);
    if (!source) continue;
    articles.push({ source, line: lineOf(item), ...(title ? { title } : {}), ...(bodyEndsBefore ? { bodyEndsBefore } : {}), ...(url ? { url } : {}), ...(date ? { date } : {}) });
  }
  return articles;
}

function readSynonyms(node: YamlNode | undefined, at: Report): string[][] {
  if (node === undefined || (isScalar(node) && node.value === null)) return [];
  const groups: string[][] = [];
  if (isSeq(node)) {
    for (const item of node.items as YamlNode[]) {
      const words = isSeq(item) ? (item.items as YamlNode[]).map((w) => (isScalar(w) && typeof w.value === 'string' ? w.value.trim() : '')) : [];
      if (words.length >= 2 && words.every(Boolean)) groups.push(words);
      else at(item, 'synonyms: ', 'each item must be a list of two or more words, e.g. [hypervisor, virtualization].');
    }
  } else {
    at(node, 'synonyms: ', 'must be a list of word lists.');
  }
  return groups;
}

function readEntries(node: YamlNode | undefined, at: Report, lineOf: (n: YamlNode | null | undefined) => number): RawEntry[] {
  const entries: RawEntry[] = [];
  const seenIds = new Map<string, number>();
  listItems(node, at, 'entries').forEach((item, index) => {
    if (!isMap(item)) {
      at(item, `entry #${index + 1}: `, 'must be a mapping with id, question, variants, answer and citations.');
      return;
    }
    const id = stringField(item, 'id', at, `entry #${index + 1}: `, true);
    const where = `entry "${id ?? `#${index + 1}`}": `;
    checkKeys(item, ['id', 'question', 'variants', 'answer', 'citations', 'about'], at, where);
    if (id !== undefined) {
      if (!ID_PATTERN.test(id)) at(item.get('id', true) as YamlNode, where, 'id must be kebab-case (a-z, 0-9, hyphens).');
      const previous = seenIds.get(id);
      if (previous !== undefined) at(item, where, `duplicate id (first used on line ${previous}).`);
      else seenIds.set(id, lineOf(item));
    }
    const question = stringField(item, 'question', at, where, true);
    const answer = stringField(item, 'answer', at, where, true);
    const variants = stringList(item, 'variants', at, where);
    const aboutSource = stringField(item, 'about', at, where, false);
    const about = aboutSource === undefined ? undefined : { source: aboutSource, line: lineOf(item.get('about', true) as YamlNode) };
    const citations = about && item.get('citations', true) === undefined ? [] : readCitations(item, at, where, lineOf);
    if (id === undefined || question === undefined || answer === undefined) return;
    entries.push({ id, line: lineOf(item), question, variants, answer, citations, ...(about ? { about } : {}) });
  });
  return entries;
}

function readCitations(entry: YAMLMap, at: Report, where: string, lineOf: (n: YamlNode | null | undefined) => number): RawEntry['citations'] {
  const node = entry.get('citations', true) as YamlNode | undefined;
  if (!isSeq(node) || node.items.length === 0 || node.items.length > MAX_CITATIONS) {
    at(node ?? entry, where, `"citations" must be a list of 1 to ${MAX_CITATIONS} {source, quote} items.`);
    return [];
  }
  const citations: Array<{ source: string; quote: string; line: number }> = [];
  for (const item of node.items as YamlNode[]) {
    if (!isMap(item)) {
      at(item, where, 'each citation must be a mapping with "source" and "quote".');
      continue;
    }
    checkKeys(item, ['source', 'quote'], at, where);
    const source = stringField(item, 'source', at, where, true);
    const quote = stringField(item, 'quote', at, where, true);
    if (source && quote) citations.push({ source, quote, line: lineOf(item.get('quote', true) as YamlNode) });
  }
  return citations;
}

function stringField(map: YAMLMap, key: string, at: Report, where: string, required: boolean): string | undefined {
  const node = map.get(key, true) as YamlNode | undefined;
  if (node === undefined) {
    if (required) at(map, where, `missing "${key}".`);
    return undefined;
  }
  if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
    at(node, where, `"${key}" must be a non-empty string.`);
    return undefined;
  }
  return node.value;
}

function stringList(map: YAMLMap, key: string, at: Report, where: string): string[] {
  const node = map.get(key, true) as YamlNode | undefined;
  if (node === undefined) return [];
  if (!isSeq(node)) {
    at(node, where, `"${key}" must be a list of strings.`);
    return [];
  }
  const values: string[] = [];
  for (const item of node.items as YamlNode[]) {
    if (isScalar(item) && typeof item.value === 'string' && item.value.trim()) values.push(item.value);
    else at(item, where, `every item of "${key}" must be a non-empty string.`);
  }
  return values;
}

function checkKeys(map: YAMLMap, allowed: readonly string[], at: Report, where: string): void {
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!allowed.includes(key)) at(pair.key as YamlNode, where, `unknown key "${key}" (allowed: ${allowed.join(', ')}).`);
  }
}
