/** A span of an article's text: `text.slice(start, end)` is the verbatim content. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** One body paragraph, numbered from 1 in reading order, with its sentences. */
export interface Paragraph extends Span {
  readonly number: number;
  readonly sentences: readonly Span[];
}

/** One article of the corpus, as loaded from `seeds/` (or `--corpus DIR`). */
export interface Article {
  /** The file name, e.g. `003_964dbca33fe16450.txt`: the `source` of every citation. */
  readonly source: string;
  readonly title: string;
  /** The whole file, unchanged: every span indexes into this. */
  readonly text: string;
  /** Body paragraphs only: no title line, no page chrome after the body's end. */
  readonly paragraphs: readonly Paragraph[];
  readonly url?: string;
  readonly date?: string;
}

export interface Corpus {
  readonly dir: string;
  readonly articles: readonly Article[];
}
