import { hasWords } from './incoming-question.ts';

/**
 * Whether a reply in one of faqbot's threads, written without mentioning it, asks something.
 * People also say "thanks!", "ok" or 👍 in a thread, and a bot that answers those is noise, so
 * only a question is answered: one with a question mark, or one that opens like a question
 * ("and when was that", "who said it", "tell me more"). A statement is left alone.
 *
 * ```ts
 * isFollowUpQuestion('and when was that?') // true
 * isFollowUpQuestion('who said it')        // true
 * isFollowUpQuestion('thanks!')            // false
 * isFollowUpQuestion(':+1:')               // false
 * ```
 */
export function isFollowUpQuestion(text: string): boolean {
  if (!hasWords(text)) return false;
  const words = text
    .toLowerCase()
    .replace(/:[a-z0-9_+'-]{1,64}:/g, ' ')
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0 || isAcknowledgement(words)) return false;
  if (text.includes('?')) return true;
  // "and when…", "so who…", "but why…": a connective then the question word.
  const start = CONNECTIVES.has(words[0] ?? '') ? words.slice(1) : words;
  const first = start[0] ?? '';
  return QUESTION_OPENERS.has(first) || (first === 'tell' && start[1] === 'me');
}

/** Replies that close a conversation rather than continue it. */
const ACKNOWLEDGEMENTS: ReadonlySet<string> = new Set([
  'thanks', 'thank', 'thx', 'ty', 'tysm', 'cheers', 'ok', 'okay', 'k', 'kk', 'cool', 'great', 'nice',
  'perfect', 'awesome', 'got', 'gotcha', 'understood', 'sure', 'yes', 'yep', 'yeah', 'no', 'nope',
  'lol', 'np', 'noted', 'makes', 'sense', 'it', 'you', 'that', 'helps', 'helped', 'much', 'very',
  'so', 'a', 'lot', 'alright', 'right', 'good', 'wow', 'ah', 'oh', 'i', 'see', 'sounds', 'fine',
  'brilliant', 'excellent',
]);

/** Every word is an acknowledgement word: "thanks!", "ok got it", "thank you so much". */
function isAcknowledgement(words: readonly string[]): boolean {
  return words.length <= 6 && words.every((w) => ACKNOWLEDGEMENTS.has(w));
}

const CONNECTIVES: ReadonlySet<string> = new Set(['and', 'but', 'so', 'also', 'then', 'ok', 'okay', 'thanks', 'hmm']);

const QUESTION_OPENERS: ReadonlySet<string> = new Set([
  'who', 'whom', 'whose', 'what', "what's", 'whats', 'when', 'where', 'why', 'how', "how's", 'which',
  'is', 'are', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'would', 'will', 'should', 'has',
  'have', 'had', 'explain', 'any', 'anything', 'more',
]);
