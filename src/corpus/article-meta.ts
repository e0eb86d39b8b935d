/** Curation data for one article, from the `articles:` list of `faq.yml`. All optional. */
export interface ArticleMeta {
  readonly source: string;
  readonly title?: string;
  /** The body ends where the first line starting with this text begins (page chrome follows). */
  readonly bodyEndsBefore?: string;
  /** The line of faq.yml the item starts on, for errors about it. */
  readonly line?: number;
  readonly url?: string;
  readonly date?: string;
}
