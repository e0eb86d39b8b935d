import type { PreparedCorpus } from '../load-engine.ts';

/**
 * A PreparedCorpus cut into messages small enough to take in one go without holding up the
 * thread that receives them (each is decoded when taken: a whole SQuAD-sized corpus at once
 * would be several milliseconds), and put together again.
 */
export type Piece =
  | { readonly articles: PreparedCorpus['loaded']['corpus']['articles'] }
  | { readonly curated: PreparedCorpus['loaded']['curated'] }
  | { readonly keys: PreparedCorpus['keys'] }
  | { readonly words: Array<[string, string[]]> }
  | { readonly rest: Pick<PreparedCorpus, 'uncoveredConfidence' | 'warnings'> & { readonly dir: string; readonly synonyms?: ReadonlyArray<readonly string[]> } };

/** About this many characters go in one piece (an article longer than that is a piece of its own). */
const PIECE_CHARS = 8_000;

export function toPieces(prepared: PreparedCorpus): Piece[] {
  const { loaded } = prepared;
  return [
    ...batches(loaded.corpus.articles, (a) => a.text.length + 50 * a.paragraphs.length).map((articles) => ({ articles })),
    ...batches(loaded.curated, (e) => e.answer.length + e.question.length + e.citations.reduce((n, c) => n + c.quote.length, 0)).map((curated) => ({ curated })),
    ...batches(prepared.keys, (k) => k.question.length * (1 + k.variants.length)).map((keys) => ({ keys })),
    ...batches([...prepared.wordCache], ([text, words]) => text.length + 8 * words.length).map((words) => ({ words })),
    { rest: { dir: loaded.corpus.dir, uncoveredConfidence: prepared.uncoveredConfidence, warnings: prepared.warnings, ...(loaded.synonyms ? { synonyms: loaded.synonyms } : {}) } },
  ];
}

/** Collects pieces (in any order) into the PreparedCorpus they were cut from. */
export class PreparedAssembly {
  readonly #articles: Array<PreparedCorpus['loaded']['corpus']['articles'][number]> = [];
  readonly #curated: Array<PreparedCorpus['loaded']['curated'][number]> = [];
  readonly #keys: Array<PreparedCorpus['keys'][number]> = [];
  readonly #words = new Map<string, string[]>();
  #rest: Extract<Piece, { rest: unknown }>['rest'] | undefined;

  add(piece: Piece): void {
    if ('articles' in piece) this.#articles.push(...piece.articles);
    else if ('curated' in piece) this.#curated.push(...piece.curated);
    else if ('keys' in piece) this.#keys.push(...piece.keys);
    else if ('words' in piece) for (const [text, words] of piece.words) this.#words.set(text, words);
    else this.#rest = piece.rest;
  }

  done(): PreparedCorpus {
    const rest = this.#rest;
    if (!rest) throw new Error('The prepared corpus arrived incomplete.');
    const corpus = { dir: rest.dir, articles: this.#articles };
    return {
      loaded: { corpus, curated: this.#curated, ...(rest.synonyms ? { synonyms: rest.synonyms } : {}) },
      keys: this.#keys,
      uncoveredConfidence: rest.uncoveredConfidence,
      wordCache: this.#words,
      warnings: rest.warnings,
    };
  }
}

/** Consecutive runs of items whose sizes add up to about PIECE_CHARS (one item alone may exceed it). */
function batches<T>(items: readonly T[], size: (item: T) => number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let chars = 0;
  for (const item of items) {
    if (current.length > 0 && chars + size(item) > PIECE_CHARS) {
      out.push(current);
      current = [];
      chars = 0;
    }
    current.push(item);
    chars += size(item);
  }
  if (current.length > 0) out.push(current);
  return out;
}
