import { Document, isSeq, Scalar, visit } from 'yaml';
import type { ArticleMeta } from '../../corpus/article-meta.ts';
import type { Article } from '../../corpus/types.ts';
import type { DraftEntry } from './types.ts';

/** Where the draft is going: the faq.yml to paste into, and what it already says about the article. */
export interface RenderContext {
  /** The corpus folder as the user named it (for the `check --corpus DIR` to run next). */
  readonly corpusDir: string;
  readonly faqFile: string;
  readonly listed: ArticleMeta | undefined;
  readonly inCorpus: boolean;
  /**
   * The corpus has no curation yet (no faq.yml, or an empty one): the draft is then a whole
   * faq.yml, `articles:` and `entries:`, to save as it is rather than entries to paste.
   */
  readonly uncurated: boolean;
}

/** Shown commented out under a new article: where page chrome starts is for the curator to say. */
const BODY_ENDS_BEFORE_HINT = `# body_ends_before: "Featured"   # if page chrome (teasers, "Related", a footer) follows the body: its first line, exactly; nothing from there on is quoted`;

// Characters a curator cannot see: written as \u escapes (inside double quotes) so that nobody
// "fixes" them into plain spaces and breaks a verbatim quote.
const INVISIBLE = /[\u00a0\u2007\u202f\u200b-\u200d\u2060\ufeff]/g;

/**
 * The YAML text: a comment header (what this is, how to use it, the `articles:` item), then the
 * entries indented as under `entries:` in faq.yml, each paragraph's group headed by a comment.
 */
export function renderDraft(article: Article, entries: readonly DraftEntry[], context: RenderContext): string {
  const item: Record<string, string> = { source: article.source, title: context.listed?.title ?? article.title };
  if (context.listed?.bodyEndsBefore) item.body_ends_before = context.listed.bodyEndsBefore;
  if (context.listed?.url ?? article.url) item.url = (context.listed?.url ?? article.url)!;
  const header = [
    `faqbot draft: proposed curated entries for ${article.source} ("${article.title}")`,
    `${entries.length} entries from ${article.paragraphs.length} body paragraphs, found by patterns and key phrases. Review each one:`,
    `keep the questions readers would ask, rewrite answers in your own words, delete the rest. Quotes are`,
    `verbatim article text: do not edit them (\\u00a0 is a no-break space in the article).`,
    ``,
    context.uncurated
      ? `To use: save this as ${context.faqFile} (a complete faq.yml), then run \`npx faqbot check --corpus ${context.corpusDir}\`.`
      : `To use: paste the entries below under \`entries:\` in ${context.faqFile}, then run \`npx faqbot check --corpus ${context.corpusDir}\`.`,
    ...(context.inCorpus ? [] : [`The article is not in the corpus folder yet: copy it there first, or check will not find it.`]),
    ...(context.uncurated
      ? []
      : [
          context.listed ? `The article's item under \`articles:\` (already there):` : `Add this item under \`articles:\` (set body_ends_before if page chrome follows the body):`,
          ...articleItem(item, !context.listed?.bodyEndsBefore).map((line) => `  ${line}`),
        ]),
  ];
  const doc = new Document({ entries: entries.map(({ id, question, variants, answer, citations }) => ({ id, question, variants, answer, citations })) });
  const seq = doc.get('entries', true);
  if (isSeq(seq)) {
    entries.forEach((entry, i) => {
      if (i > 0 && entries[i - 1]!.paragraph === entry.paragraph) return;
      const node = seq.items[i] as { commentBefore?: string } | undefined;
      if (node) node.commentBefore = ` ¶${entry.paragraph}: ${preview(article, entry.paragraph)}`;
    });
  }
  const comments = `${header.map((line) => (line ? `# ${line}` : '#')).join('\n')}\n\n`;
  if (context.uncurated) return `${comments}articles:\n${articleItem(item, true).map((line) => `  ${line}`).join('\n')}\n\n${yamlText(doc)}`;
  return `${comments}${yamlText(doc).replace(/^entries:\n/, '')}`;
}

/** The article's item as under `articles:`, with the body_ends_before hint when it has none. */
function articleItem(item: Record<string, string>, hint: boolean): string[] {
  const lines = yamlText([item]).trimEnd().split('\n');
  return hint ? [...lines, `  ${BODY_ENDS_BEFORE_HINT}`] : lines;
}

function yamlText(value: unknown): string {
  const doc = value instanceof Document ? value : new Document(value);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && new RegExp(INVISIBLE.source).test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  // Only double-quoted scalars can hold these characters now, and there `\uXXXX` is their escape.
  return doc.toString({ lineWidth: 0 }).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The paragraph's opening words, for the comment above its entries. */
function preview(article: Article, number: number): string {
  const paragraph = article.paragraphs[number - 1];
  if (!paragraph) return '';
  const text = article.text.slice(paragraph.start, paragraph.end).replace(INVISIBLE, ' ').replace(/\s+/g, ' ');
  return text.length <= 80 ? text : `${text.slice(0, 79).replace(/\s+\S*$/, '')}…`;
}
