import { baseForm, cleanName, NAME } from './english.ts';
import type { Key } from './types.ts';

const MONTH = 'January|February|March|April|May|June|July|August|September|October|November|December';
const DATE = new RegExp(String.raw`\b(?:[Ii]n|[Oo]n|[Ss]ince|[Dd]uring|[Bb]y|[Uu]ntil|[Ff]rom|[Bb]ack in)\s+((?:(?:early|late|mid)[- ])?(?:\d{1,2}\s+(?:${MONTH}),?\s+(?:1[5-9]\d\d|20\d\d)|(?:${MONTH})(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?(?:\s+(?:of\s+)?(?:1[5-9]\d\d|20\d\d))?|(?:the\s+)?(?:1[5-9]\d\d|20\d\d)s?))\b`, 'u');
// Subject, optional passive "was", the verb and what follows: "Microsoft issued an "interoperability pledge"".
const WHEN_CLAUSE = new RegExp(String.raw`^(${NAME})\s+(?:(was|were)\s+)?(?:(?:also|later|first|then|recently|officially|eventually|finally)\s+)?(\p{Ll}+)\b(.*)$`, 'u');
const OBJECT_STOP = /\s*(?:,(?!\d)|[;:(]|\s(?:after|before|because|when|while|where|which|who|whom|that|although|though|until|since|so|and then)\s).*$/;

/**
 * "When did X <verb> <object>?" from a sentence with a date ("Microsoft issued an
 * "interoperability pledge" in February of 2008 …"); "When was X <participle>?" for the passive.
 * Subject and verb must be found before the date, else no key: a wrong question is worse than none.
 */
export function whenKey(body: string, sentence: number, namesInText: ReadonlySet<string>): Key | null {
  const date = DATE.exec(body);
  if (!date) return null;
  // "In 1875, Tesla enrolled at …": the clause follows the date; otherwise it comes before it.
  const leading = date.index === 0;
  const text = leading ? body.slice(date[0].length).replace(/^\s*,?\s*/, '') : body.slice(0, date.index);
  const clause = WHEN_CLAUSE.exec(text.trim());
  if (!clause) return null;
  const subject = cleanName(clause[1]!, namesInText, false);
  const verb = clause[3]!;
  const rest = clause[4]!.replace(/"/g, '');
  const object = (leading ? rest.replace(OBJECT_STOP, '') : rest).replace(/[.!?]+$/, '').replace(/\s+/g, ' ').trim();
  if (!subject || object.split(/\s+/).length > 8 || /,(?!\d)|[;:()]/.test(object)) return null;
  const year = /\d{4}/.test(date[1]!);
  const tail = object ? ` ${object}` : '';
  const keywords = `${subject} ${object.replace(/^(?:a|an|the)\s+/i, '')}`.trim();
  if (clause[2]) {
    if (!/(?:ed|en)$|^(?:built|made|held|sold|born|won|led|found)$/.test(verb)) return null;
    return {
      kind: 'when',
      question: `When ${clause[2]} ${subject} ${verb}${tail}?`,
      variants: [`${keywords.toLowerCase()} ${verb} date`, `${year ? 'What year' : 'On what date'} ${clause[2]} ${subject} ${verb}${tail}?`, `when ${clause[2]} ${subject.toLowerCase()} ${verb}`],
      phrase: keywords,
      sentence,
    };
  }
  const base = baseForm(verb);
  if (!base) return null;
  return {
    kind: 'when',
    question: `When did ${subject} ${base}${tail}?`,
    variants: [`${keywords.toLowerCase()} date`, `${year ? 'What year' : 'On what date'} did ${subject} ${base}${tail}?`, `when did ${subject.toLowerCase()} ${base}`],
    phrase: keywords,
    sentence,
  };
}
