import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { FaqFileError } from '../errors.ts';
import { foldText } from '../match/normalize.ts';
import type { Curation } from '../store/store.ts';

/**
 * faq.yml's text with curations written in: a phrasing is appended to its entry's `variants`
 * (created if the entry has none), a new entry is appended to `entries`. Edited through YAML's
 * Document API, so the file's comments, order and quoting stay as they were; only what is new is
 * added. A phrasing already there (case and spacing aside), or an entry whose id is already there,
 * is left alone, so exporting twice changes nothing the second time. Returns the new text and how
 * many curations were written.
 */
export function mergeCurations(file: string, source: string, curations: readonly Curation[]): { text: string; added: number } {
  const doc = source.trim() === '' ? new Document({ entries: [] }) : parseDocument(source);
  if (doc.errors.length) throw new FaqFileError([`${file}: cannot merge into a file that does not parse: ${doc.errors[0]!.message.split('\n')[0]}`]);
  if (!doc.has('entries')) doc.set('entries', doc.createNode([]));
  const entries = doc.get('entries', true);
  if (!isSeq(entries)) throw new FaqFileError([`${file}: "entries" is not a list.`]);
  const byId = new Map<string, YAMLMap>();
  for (const item of (entries as YAMLSeq).items) if (isMap(item)) byId.set(String(item.get('id')), item);

  let added = 0;
  for (const curation of curations) {
    const entry = byId.get(curation.entryId);
    if (curation.kind === 'entry') {
      if (entry) continue;
      const node = doc.createNode({ id: curation.entryId, question: curation.question, answer: curation.answer, citations: curation.citations.map((c) => ({ source: c.source, quote: quoted(c.quote) })) }) as YAMLMap;
      (entries as YAMLSeq).items.push(node);
      byId.set(curation.entryId, node);
      added += 1;
      continue;
    }
    if (!entry) continue; // stale: its entry is gone (check reports nothing for it; the bot logs it)
    const asked = [entry.get('question'), ...variantsOf(entry)].map((q) => foldText(String(q ?? '').trim()));
    if (asked.includes(foldText(curation.question.trim()))) continue;
    const variants = entry.get('variants', true);
    if (isSeq(variants)) variants.items.push(doc.createNode(curation.question));
    else insertAfterQuestion(entry, doc.createPair('variants', [curation.question]));
    added += 1;
  }
  return { text: escapeInvisibleSpaces(doc.toString({ lineWidth: 0, flowCollectionPadding: false })), added };
}

function variantsOf(entry: YAMLMap): unknown[] {
  const variants = entry.get('variants');
  return isSeq(variants) ? variants.items.map((i) => (i && typeof i === 'object' && 'value' in i ? (i as { value: unknown }).value : i)) : [];
}

/** Variants belong under the question, where a reader of faq.yml looks for them. */
function insertAfterQuestion(entry: YAMLMap, pair: Pair): void {
  const at = entry.items.findIndex((p) => isScalar(p.key) && p.key.value === 'question');
  entry.items.splice(at === -1 ? entry.items.length : at + 1, 0, pair as YAMLMap['items'][number]);
}

/** A quote as a double-quoted scalar: the style faq.yml uses for quotes, and the one that can spell a no-break space. */
function quoted(quote: string): Scalar {
  const scalar = new Scalar(quote);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/**
 * faq.yml spells no-break spaces in double-quoted quotes as \u00a0 (invisible otherwise, and a
 * quote must match its article byte for byte); the YAML writer would emit them raw.
 */
function escapeInvisibleSpaces(text: string): string {
  return text
    .split('\n')
    .map((line) => (/^\s*(?:- +)?(?:[\w-]+: +)?".*"\s*$/.test(line) ? line.replace(/\u00a0/g, '\\u00a0') : line))
    .join('\n');
}
