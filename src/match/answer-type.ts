/** What kind of answer a question asks for, from its wording; `other` when it does not say. */
export type AnswerType = 'person' | 'time' | 'number' | 'place' | 'other';

/**
 *   answerTypeOf('how many companies joined?')  // → 'number'
 *   answerTypeOf('who founded openstack?')       // → 'person'
 */
export function answerTypeOf(normalizedQuestion: string): AnswerType {
  const q = normalizedQuestion;
  // "How far is it…?" wants a distance; "…where can I see how long it is?" wants a way to find out.
  if (/\bhow (many|much)\b|(?:^|[,;:] |\b(?:and|so|but) )how (long|old|far|large|big|tall|high)\b|\b(?:what|which) (percentage|percent|number|amount)\b|\bwhat (?:is|s|was|are|were|will be) (?:the |its |their )?(?:price|cost)\b|\bhow expensive\b|\bwhat (?:does|do|did|will) .{1,60} cost\b/.test(q)) return 'number';
  // "When did…?" asks for a time; "…when I search?" only says under what condition.
  if (/\bwhen (?:did|does|do|is|was|were|will|would|can|could|has|have|had|should|are|may|might|must)\b|\bwhen\s*\?|\bwhat (year|date|day|month|time|century|decade)\b/.test(q)) return 'time';
  if (/\b(who|whom|whose)\b|\b(?:what|which) (company|companies|organi[sz]ation|person|group|team|firm)\b/.test(q)) return 'person';
  if (/\b(where|(?:what|which) (city|country|state|place|region|location))\b/.test(q)) return 'place';
  return 'other';
}

/**
 * Whether a question asks, in so many words, for something other than a time: a wh-question
 * ("What did the 2008 pledge do?", "Why…", "Who…") with no word that asks for a date. A year in
 * such a question names what it is about; an entry written to say when something happened
 * answers another question. "When…", yes/no questions, keywords and "what date…" all say no.
 *
 * `answerType` is the question's own (answerTypeOf), computed once per question by the caller.
 *
 *   asksForOtherThanTime('what did the 2008 pledge do?', 'other')  // → true
 *   asksForOtherThanTime('what s the pledge date?', 'other')       // → false
 */
export function asksForOtherThanTime(normalizedQuestion: string, answerType: AnswerType = answerTypeOf(normalizedQuestion)): boolean {
  const q = normalizedQuestion;
  if (!/^(?:and |so |but )?(?:what|which|why|who|whom|whose|how|where)\b/.test(q)) return false;
  return answerType !== 'time' && answerType !== 'number' && !TIME_CUE.test(q);
}

/** Words that ask for a time even outside "when…" and "what year…". */
const TIME_CUE = /\b(?:when|date[sd]?|year|years|month|day|time|ago|since|until|till|how long|era|century|decade|period|dated|timeline)\b/;

const YEAR = /(?<![\d,.$€£])\b(?:1[0-9]{3}|20[0-9]{2})\b(?![\d,.]\d|\s*(?:%|percent|people|companies|employees|users|customers|patents|dollars|million|billion))/g;
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
const TIME = new RegExp(`\\b(1[0-9]{3}|20[0-9]{2}|(${MONTHS})|[0-9]{1,2}(st|nd|rd|th) century|today|yesterday|this (week|summer|year|month))\\b`, 'i');
// "One" alone is most often a pronoun ("one of the companies"), not a count: only "one hundred" and the like count.
const NUMBER = /\b\d[\d,.]*\b|\b(?:one (?:hundred|thousand|million|billion)|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)\b/i;
// A capitalised word that does not start the sentence: a name of a person, company or place.
const NAME = /(?<=[\p{Ll}\p{N},;:)\]"'”’] )\p{Lu}[\p{L}.-]+/u;

/** Does this sentence hold something of the kind the question wants? */
export function sentenceFits(sentence: string, type: AnswerType): boolean {
  switch (type) {
    case 'time':
      return TIME.test(sentence);
    case 'number':
      // A year is a time, not an amount: "Windows Server 2008 R2" holds no price.
      return NUMBER.test(sentence.replace(YEAR, ' '));
    case 'person':
    case 'place':
      return NAME.test(sentence);
    case 'other':
      return false;
  }
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'last', 'next', 'latest', 'previous'];
const ORDINAL = new RegExp(`\\b(${ORDINALS.join('|')})\\b`, 'g');

/** The ordinal words of a normalized text ("first", "second", "last"…). */
export function ordinalsOf(normalized: string): Set<string> {
  return new Set(normalized.match(ORDINAL) ?? []);
}

/**
 * Whether a question asks about another item of a sequence than the one an entry speaks of:
 * "What is the second OpenStack release called?" against an entry about the first release. True
 * when the question names an ordinal the entry does not, and the entry names one of its own.
 */
export function ordinalsConflict(question: ReadonlySet<string>, entry: ReadonlySet<string>): boolean {
  if (question.size === 0 || entry.size === 0) return false;
  return [...question].some((o) => !entry.has(o));
}
