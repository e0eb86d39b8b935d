import { STOPWORDS } from '../../match/stopwords.ts';

/** Kebab-case a-z0-9 from any text, accents folded, at most `maxWords` words. */
export function slugify(text: string, maxWords: number): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word, _, words) => word && (!STOPWORDS.has(word) || words.every((w) => STOPWORDS.has(w))))
    .slice(0, maxWords)
    .join('-');
}
