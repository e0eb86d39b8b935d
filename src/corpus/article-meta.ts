/** Curation data for one article, from the `articles:` list of `faq.yml`. All optional. */
export interface ArticleMeta {
  readonly source: string;
  readonly title?: string;
  /** The body ends where the first line starting with this text begins (page chrome follows). */
  readonly bodyEndsBefore?: string;
  readonly url?: string;
  readonly date?: string;
}
