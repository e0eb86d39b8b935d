import type { Article } from '../corpus/types.ts';
import type { FaqEntry } from './types.ts';

/** A title shorter than this (in words) names a topic ("Oxygen"), not a question it answers. */
const MIN_TITLE_WORDS = 4;

/**
 * "How do I …?" or a task in sentence case ("Export Gmail messages to text or HTML files"), not a
 * name in title case ("French and Indian War", "Intergovernmental Panel on Climate Change"): a name
 * says what an article is about, not which question its first sentence answers.
 */
export function readsLikeAQuestion(title: string): boolean {
  const words = title.trim().split(/\s+/);
  if (words.length < MIN_TITLE_WORDS) return false;
  if (title.trim().endsWith('?')) return true;
  const rest = words.slice(1).filter((w) => /^\p{L}/u.test(w));
  return rest.filter((w) => /^\p{Ll}/u.test(w)).length > rest.length / 2;
}

/**
 * An article no curated entry cites, whose title reads like a question or task ("Export Gmail
 * messages to text or HTML files"), is an entry of its own: its title is the question, its first
 * sentence the answer and quote. That is how FAQ pages, forum threads and help articles are
 * written, and it lets the entry model (matching on the title, the answer and the cited
 * paragraph) serve a corpus nobody curated. Ids are the generated ones (`source#1`), so a
 * "did you mean" click on one answers from its paragraph.
 */
export function titleEntries(articles: readonly Article[], cited: ReadonlySet<string>): FaqEntry[] {
  const entries: FaqEntry[] = [];
  for (const article of articles) {
    if (cited.has(article.source) || !readsLikeAQuestion(article.title)) continue;
    const paragraph = article.paragraphs[0];
    const sentence = paragraph?.sentences[0];
    if (!paragraph || !sentence) continue;
    const quote = article.text.slice(sentence.start, sentence.end);
    entries.push({
      id: `${article.source}#${paragraph.number}`,
      question: article.title,
      variants: [],
      answer: quote,
      citations: [{ source: article.source, quote, paragraph: paragraph.number, start: sentence.start, end: sentence.end }],
      curated: false,
    });
  }
  return entries;
}
