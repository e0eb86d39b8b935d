import { capitalise } from './english.ts';
import type { Key } from './types.ts';

const NUMBER_WORD = 'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens|hundreds|thousands|millions|billions';
const COUNT = new RegExp(
  String.raw`\b((?:(?:more|fewer|less) than|over|about|around|nearly|almost|at least|up to|some|roughly)\s+)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|${NUMBER_WORD})(?:\s+(?:million|billion|thousand|hundred))?\s+((?:of\s+)?(?:(?:the|its|their|\p{Lu}[\p{L}.]*'s)\s+)?)([\p{Ll}][\p{Ll}-]{2,}s|people|percent)\b`,
  'u',
);

/**
 * "How many <things> …?" from a count: "more than 30 companies that have joined the OpenStack
 * effort" → "How many companies have joined the OpenStack effort?"; otherwise the clause with
 * the count replaced: "Linux violated 235 of Microsoft's patents" → "Linux violated how many of
 * Microsoft's patents?".
 */
export function howManyKey(body: string, sentence: number): Key | null {
  const m = COUNT.exec(body);
  if (!m) return null;
  const before = body.slice(0, m.index);
  // "Windows 7 users": a number right after a capitalised word is part of a name.
  if (!m[1] && /\p{Lu}[\p{L}\p{N}]*\s+$/u.test(before)) return null;
  // Ranges and compound amounts ("8 to 10 miles", "one hundred times", "6 feet 2 inches") are not one count.
  if (new RegExp(String.raw`(?:\d|\b(?:one|a|${NUMBER_WORD}))\s*(?:to|and|or|-|–)?\s*$|\d\s+\p{Ll}+\s+$`, 'u').test(before)) return null;
  const noun = m[4]!;
  // "millions of volts" asks "how many volts", not "how many of volts".
  const of = /^(?:dozens|hundreds|thousands|millions|billions)$/.test(m[2]!) ? (m[3] ?? '').replace(/^of\s+/, '') : (m[3] ?? '');
  const after = body.slice(m.index + m[0].length);
  const relative = /^\s+(?:that|which|who)\s+((?:have|has|had|are|were|is|was|will|can|could|use|used|run|joined|signed|work)\b[^,;]*)/.exec(after);
  let question: string;
  let rephrased = `How many ${noun} does the article mention?`;
  if (relative) {
    const clause = relative[1]!.split(/\s+(?:and|but)\s+/)[0]!.replace(/[.!?"]+$/, '').trim();
    question = `How many ${noun} ${clause}?`;
    rephrased = `What number of ${noun} ${clause}?`;
  } else {
    const start = Math.max(before.lastIndexOf(', '), before.lastIndexOf('; '), before.lastIndexOf(' that '), before.lastIndexOf(' which '));
    const from = start === -1 ? 0 : before.indexOf(' ', start + 1) + 1;
    const ending = after.search(/[,;:(]|\s+(?:and|but)\s|[.!?"]*$/);
    const clause = `${before.slice(from)}how many ${of}${noun}${after.slice(0, ending === -1 ? after.length : ending)}`.replace(/\s+/g, ' ').trim();
    // The clause must have its subject ("Linux violated …", "He finished …"), not start mid-phrase.
    if (clause.split(/\s+/).length < 3 || /["()]/.test(clause) || !/^(?:\p{Lu}|(?:he|she|they|it|we|the|a|an|this|these|his|her|their|its)\s)/u.test(clause)) return null;
    if (/^(?:Where|When|Which|Who|That|While|Although|Over|In|On|At|For|With|By|From|During|After|Before|Within|About|Between|Under)\s/.test(clause) || clause.split(/\s+/).length > 14) return null;
    question = `${capitalise(clause)}?`;
  }
  return {
    kind: 'how-many',
    question,
    variants: [`number of ${noun}`, rephrased, `how many ${noun}`],
    phrase: noun,
    sentence,
  };
}
