import type { Article } from '../../corpus/types.ts';
import { STOPWORDS } from '../../match/stopwords.ts';
import { slugify } from './english.ts';
import type { DraftKind, Key } from './types.ts';

const KIND_SLUG: Record<Exclude<DraftKind, 'about'>, string> = { who: 'who', what: 'what', founded: 'founder', when: 'when', 'how-many': 'how-many', said: 'quote' };

/**
 * Makes the ids of one article's drafted entries: `<article>-<kind>-<phrase>` ("hyper-v-who-ted-maclean"),
 * no kind for a key-phrase entry, `p<paragraph>` when the phrase gives no slug; an id already
 * made or in `reserved` gets a `-2`, `-3`, … suffix.
 */
export function idMaker(article: Article, reserved: Iterable<string>): (key: Key, paragraph: number) => string {
  const used = new Set(reserved);
  const articleSlug = slugOfTitle(article);
  return (key, paragraph) => uniqueId(`${articleSlug}-${key.kind === 'about' ? '' : `${KIND_SLUG[key.kind]}-`}${slugify(key.phrase, 5) || `p${paragraph}`}`, used);
}

/** "Hyper-V To Be Integrated in OpenStack" → "hyper-v": the title's first two content words, at most two slug words. */
function slugOfTitle(article: Article): string {
  const words = article.title.split(/\s+/).filter((w) => !STOPWORDS.has(w.toLowerCase()));
  return slugify(words.slice(0, 2).join(' '), 2) || slugify(article.source.replace(/\.[^.]+$/, ''), 3) || 'article';
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base.replace(/-+/g, '-').replace(/^-|-$/g, '');
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
