import type { Article, Paragraph, Span } from '../corpus/types.ts';
import { termsOf } from '../match/normalize.ts';
import { STOPWORDS } from '../match/stopwords.ts';

/** One proposed curated entry, in the shape of a faq.yml entry (plus where it came from). */
export interface DraftEntry {
  readonly id: string;
  readonly question: string;
  readonly variants: readonly string[];
  readonly answer: string;
  readonly citations: ReadonlyArray<{ readonly source: string; readonly quote: string }>;
  /** The body paragraph (numbered from 1) the entry is drafted from. */
  readonly paragraph: number;
  readonly kind: DraftKind;
}

/** Which pattern produced the question; `about` is the key-phrase fallback. */
export type DraftKind = 'who' | 'what' | 'founded' | 'when' | 'how-many' | 'said' | 'about';

export interface DraftOptions {
  /** Articles whose paragraphs give the document frequencies for key phrases (default: this one). */
  readonly background?: readonly Article[];
  /** Ids already used (e.g. in faq.yml): drafted ids avoid them. */
  readonly reservedIds?: Iterable<string>;
}

/** A faq.yml quote must stay under this; a longer sentence is cut at a clause boundary. */
export const MAX_QUOTE = 350;
const MAX_ANSWER = 300;
const MAX_ENTRIES_PER_PARAGRAPH = 3;

/**
 * Proposes curated entries for every body paragraph of an article: 1–3 each, with a question,
 * three or more variants, a short answer and a verbatim quote, for a curator to review and paste
 * into faq.yml. Questions come from patterns where they are reliable — an appositive
 * ("Ted MacLean, general manager of …" → "Who is Ted MacLean?"), "X was founded by Y", "X is a Y",
 * a date, a count, a quotation — and otherwise from the paragraph's key phrases by tf-idf
 * ("What does the article say about SuSE Linux Enterprise?").
 *
 *   draftEntries(article003).find((e) => e.kind === 'who')
 *   // → { id: 'hyper-v-who-ted-maclean', question: 'Who is Ted MacLean?',
 *   //     answer: "Ted MacLean is general manager of Microsoft's Open Solutions Group.", … }
 */
export function draftEntries(article: Article, options: DraftOptions = {}): DraftEntry[] {
  const stats = documentFrequencies(options.background ?? [article]);
  const usedIds = new Set(options.reservedIds ?? []);
  const askedBefore = new Set<string>();
  const articleSlug = slugOfTitle(article);
  const namesInText = namesOf(article);
  const entries: DraftEntry[] = [];
  for (const paragraph of article.paragraphs) {
    const sentences = sentencesOf(article, paragraph);
    const keys = pickKeys(sentences, namesInText, stats, askedBefore);
    for (const key of keys) askedBefore.add(key.question.toLowerCase());
    for (const key of keys) {
      const sentence = sentences[key.sentence]!;
      entries.push({
        id: uniqueId(`${articleSlug}-${key.kind === 'about' ? '' : `${KIND_SLUG[key.kind]}-`}${slugify(key.phrase, 5) || `p${paragraph.number}`}`, usedIds),
        question: key.question,
        variants: dedupe(key.variants, key.question),
        answer: shorten(key.answer ?? trimConnectives(sentence.original)),
        citations: [{ source: article.source, quote: quoteFor(article, sentences, key.sentence, key.phrase) }],
        paragraph: paragraph.number,
        kind: key.kind,
      });
    }
  }
  return entries;
}

const KIND_SLUG: Record<Exclude<DraftKind, 'about'>, string> = { who: 'who', what: 'what', founded: 'founder', when: 'when', 'how-many': 'how-many', said: 'quote' };

/** A sentence of the paragraph: `text` is for analysis (quotes and spaces folded, same length). */
interface Sentence {
  readonly span: Span;
  readonly text: string;
  /** The sentence exactly as written. */
  readonly original: string;
}

/** A question-shaped key found in one sentence. */
interface Key {
  readonly kind: DraftKind;
  readonly question: string;
  readonly variants: readonly string[];
  /** A constructed short answer when the pattern gives one; else the sentence itself. */
  readonly answer?: string;
  /** What the id is made from: the name, subject or key phrase. */
  readonly phrase: string;
  readonly sentence: number;
}

function sentencesOf(article: Article, paragraph: Paragraph): Sentence[] {
  // Curly quotes and no-break spaces become their plain forms, one code unit for one, so offsets
  // into `text` are offsets into the article; questions are written with the plain forms.
  return paragraph.sentences.map((span) => {
    const original = article.text.slice(span.start, span.end);
    return { span, original, text: original.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\u00a0/g, ' ') };
  });
}

/** Pattern keys first (most reliable kinds first), then key-phrase keys up to the paragraph's share. */
function pickKeys(sentences: readonly Sentence[], namesInText: ReadonlySet<string>, stats: Frequencies, askedBefore: ReadonlySet<string>): Key[] {
  // A question an earlier paragraph already asks ("What is Hyper-V?") is not asked twice.
  const found = sentences.flatMap((sentence, i) => patternKeys(sentence.text, i, namesInText)).filter((k) => !askedBefore.has(k.question.toLowerCase()));
  found.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.sentence - b.sentence);
  const keys: Key[] = [];
  for (const key of found) if (keys.length < MAX_ENTRIES_PER_PARAGRAPH && !keys.some((k) => k.question === key.question)) keys.push(key);
  const share = Math.min(MAX_ENTRIES_PER_PARAGRAPH, sentences.length);
  const phrases = keyPhrases(sentences, namesInText, stats);
  // First phrases that can cite a sentence no key cites yet, so the entries cover the paragraph;
  // then any, citing the sentence where the phrase is the subject if there is one.
  const cited = new Set(keys.map((k) => k.sentence));
  for (const uncoveredOnly of [true, false]) {
    // An uncovered sentence earns an entry up to the paragraph maximum; otherwise stop at the share.
    const limit = uncoveredOnly ? MAX_ENTRIES_PER_PARAGRAPH : share;
    for (const phrase of phrases) {
      if (keys.length >= limit) break;
      if (keys.some((k) => k.phrase.toLowerCase().includes(phrase.text.toLowerCase()) || phrase.text.toLowerCase().includes(k.phrase.toLowerCase()))) continue;
      const choices = uncoveredOnly ? phrase.sentences.filter((i) => !cited.has(i)) : phrase.sentences;
      const sentence = choices.find((i) => phrase.subjectOf.includes(i)) ?? choices[0];
      if (sentence === undefined || askedBefore.has(aboutKey(phrase.text, sentence, '').question.toLowerCase())) continue;
      keys.push(aboutKey(phrase.text, sentence, phrase.context));
      cited.add(sentence);
    }
  }
  if (keys.length === 0 && sentences.length > 0) {
    const opening = sentences[0]!.text.split(/\s+/).slice(0, 6).join(' ').replace(/[,.;:!?"]+$/, '');
    keys.push(aboutKey(opening, 0, ''));
  }
  return keys;
}

const KIND_ORDER: readonly DraftKind[] = ['who', 'founded', 'what', 'when', 'how-many', 'said', 'about'];

// ---------------------------------------------------------------------------------------------
// Question patterns. Each works on one sentence and returns nothing unless its shape is clear.

// A capitalised word: "OpenStack", "Cloud.com", "Hyper-V", "MacLean", "vCloud", "Microsoft's".
const CAP = String.raw`(?:\p{Lu}\.(?=\s)|\p{Lu}[\p{L}\p{N}]*|\p{Ll}+\p{Lu}[\p{L}\p{N}]*)(?:[.&-][\p{L}\p{N}]+)*(?:'s)?`;
// A name: capitalised words, with "of"/"&" and numbers inside ("Bank of America", "Windows Server 2008 R2").
const NAME = String.raw`${CAP}(?:\s+(?:(?:of|&)\s+)?(?:${CAP}|\d[\p{L}\p{N}]*))*`;
const ROLE = String.raw`(?:manager|director|president|ceo|cto|cfo|coo|chief|founder|co-founder|head|officer|chairman|chairwoman|chair|producer|editor|analyst|spokesman|spokeswoman|spokesperson|professor|author|engineer|architect|executive|vp|secretary|minister|researcher|scientist|leader|partner|owner|reporter|writer|correspondent|consultant|evangelist|fellow|strategist|developer|designer|governor|senator|mayor|lawyer|economist|historian|general|journalist|poet|novelist|playwright|friend|colleague|inventor|physicist|mathematician|chemist|biologist|astronomer|mystic|propagandist|wife|husband|son|daughter|father|mother|brother|sister|student|teacher|biographer|assistant|actor|actress|singer|musician|artist|painter|composer|philosopher|politician|king|queen|prince|princess|emperor|bishop|priest|pope|soldier|captain|commander|chancellor|judge|doctor|physician|coach|player|quarterback|pilot|astronaut|explorer|entrepreneur|businessman|businesswoman|investor|banker|financier|industrialist|philanthropist|activist|attorney|superintendent|commissioner|ambassador|diplomat)`;
const DESCRIBED_BY = String.raw`(?:the|a|an|its|their|his|her|our)`;

// A role: up to three modifiers, the role noun as head, then only a complement ("of Microsoft's
// Open Solutions Group"). "backed by financier J. P. Morgan" is not a role description.
const ROLE_PHRASE = String.raw`(?:(?:the|a|an)\s+|\p{Lu}\p{L}*'s\s+)?(?:(?!(?:[\p{Ll}]+(?:ed|ing)|by|in|of|with|which|who|from|for|at|on)\s)[\p{Ll}\p{N}][\p{L}\p{N}'-]*\s+){0,3}?${ROLE}s?(?:\s+(?:of|at|for|with|in|to|from|on|and|who|whom|whose|that)\s+[^,;]*)?`;
const APPOSITIVE_ROLE = new RegExp(String.raw`(${NAME}),\s+(${ROLE_PHRASE})(?=[,;]|[.!?"]*$)`, 'gu');
const COPULA_ROLE = new RegExp(String.raw`^(${NAME})\s+(?:is|was)\s+(${ROLE_PHRASE})(?=[,;]|[.!?"]*$)`, 'u');
const APPOSITIVE_THING = new RegExp(String.raw`(${NAME}),\s+(${DESCRIBED_BY}\s+[^,;]+)(,\s+(?:and|or)\s)?`, 'gu');
const WHICH_IS = new RegExp(String.raw`(${NAME}),\s+which\s+(?:is|are|was)\s+((?:part of|a|an|the|one of)\s+[^,;]+)`, 'gu');
const DEFINITION = new RegExp(String.raw`^(${NAME})\s+(is|are)\s+((?:a|an|the)\s+[^,;]+)`, 'u');
const MADE_BY = String.raw`(founded|co-founded|created|started|established|launched|developed|built|invented|designed|acquired|bought|formed|written|introduced)`;
const PASSIVE_BY = new RegExp(String.raw`(${NAME})(?:,\s+${DESCRIBED_BY}\s+[^,;]*?)?\s+(?:(?:was|were|has been|had been)\s+)?${MADE_BY}\s+(?:in\s+\d{4}\s+)?by\s+([^,;]+)`, 'gu');
const BY_STOP = /\s+(?:using|with|in|on|at|to|for|as|which|who|that|after|before|when|while|from|because)\s.*$/;
const QUOTED_SPEAKER = new RegExp(String.raw`^"[^"]{20,}[,.!?]"\s*,?\s+(?:said|says|stated|added|explained|noted|wrote|told)\s+(${NAME})`, 'u');
const SPEAKER_FIRST = new RegExp(String.raw`^(${NAME})\s+(?:said|says|stated|added|explained|noted|wrote)(?:\s+that)?[,:]?\s+"`, 'u');

const MONTH = 'January|February|March|April|May|June|July|August|September|October|November|December';
const DATE = new RegExp(String.raw`\b(?:[Ii]n|[Oo]n|[Ss]ince|[Dd]uring|[Bb]y|[Uu]ntil|[Ff]rom|[Bb]ack in)\s+((?:(?:early|late|mid)[- ])?(?:\d{1,2}\s+(?:${MONTH}),?\s+(?:1[5-9]\d\d|20\d\d)|(?:${MONTH})(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?(?:\s+(?:of\s+)?(?:1[5-9]\d\d|20\d\d))?|(?:the\s+)?(?:1[5-9]\d\d|20\d\d)s?))\b`, 'u');
// Subject, optional passive "was", the verb and what follows: "Microsoft issued an "interoperability pledge"".
const WHEN_CLAUSE = new RegExp(String.raw`^(${NAME})\s+(?:(was|were)\s+)?(?:(?:also|later|first|then|recently|officially|eventually|finally)\s+)?(\p{Ll}+)\b(.*)$`, 'u');
const OBJECT_STOP = /\s*(?:,(?!\d)|[;:(]|\s(?:after|before|because|when|while|where|which|who|whom|that|although|though|until|since|so|and then)\s).*$/;
const NUMBER_WORD = 'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens|hundreds|thousands|millions|billions';
const COUNT = new RegExp(
  String.raw`\b((?:(?:more|fewer|less) than|over|about|around|nearly|almost|at least|up to|some|roughly)\s+)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|${NUMBER_WORD})(?:\s+(?:million|billion|thousand|hundred))?\s+((?:of\s+)?(?:(?:the|its|their|\p{Lu}[\p{L}.]*'s)\s+)?)([\p{Ll}][\p{Ll}-]{2,}s|people|percent)\b`,
  'u',
);

/** Every question-shaped key the sentence supports. */
function patternKeys(text: string, sentence: number, namesInText: ReadonlySet<string>): Key[] {
  const keys: Key[] = [];
  const body = trimConnectives(text);

  const persons = new Set<string>();
  for (const m of text.matchAll(APPOSITIVE_ROLE)) {
    const name = cleanName(m[1]!, namesInText);
    if (name && name.split(/\s+/).length >= 2) {
      persons.add(name);
      keys.push(whoKey(name, endClause(m[2]!), sentence));
    }
  }
  const copula = COPULA_ROLE.exec(body);
  if (copula) {
    const name = cleanName(copula[1]!, namesInText);
    if (name && name.split(/\s+/).length >= 2) {
      persons.add(name);
      keys.push(whoKey(name, endClause(copula[2]!), sentence));
    }
  }
  for (const m of text.matchAll(PASSIVE_BY)) {
    const name = cleanName(m[1]!, namesInText, false);
    const by = m[3]!.replace(BY_STOP, '').replace(/[.!?"]+$/, '').trim();
    if (name && by && by.split(/\s+/).length <= 8) keys.push(madeByKey(name, m[2]!, by, sentence));
  }
  for (const m of [...text.matchAll(APPOSITIVE_THING), ...text.matchAll(WHICH_IS)]) {
    const name = cleanName(m[1]!, namesInText);
    const description = endClause(m[2]!);
    if (!name || persons.has(name) || m[3] || !describes(description)) continue;
    keys.push(whatKey(name, description.replace(/^(?:its|their|his|her|our)\s/, 'a '), sentence));
  }
  const definition = DEFINITION.exec(body);
  if (definition) {
    const name = cleanName(definition[1]!, namesInText, false);
    const description = endClause(definition[3]!);
    if (name && !persons.has(name) && describes(description)) keys.push(whatKey(name, description, sentence, definition[2] === 'are'));
  }
  const when = whenKey(body, sentence, namesInText);
  if (when) keys.push(when);
  const count = howManyKey(body, sentence);
  if (count) keys.push(count);
  const speaker = QUOTED_SPEAKER.exec(body) ?? SPEAKER_FIRST.exec(body);
  if (speaker) {
    const name = cleanName(speaker[1]!, namesInText);
    const quoted = /"([^"]{20,})"/.exec(body)?.[1]?.replace(/,$/, '.');
    if (name && quoted) keys.push(saidKey(name, quoted, sentence));
  }
  return keys;
}

function whoKey(name: string, role: string, sentence: number): Key {
  const last = name.split(/\s+/).at(-1)!;
  return {
    kind: 'who',
    question: `Who is ${name}?`,
    variants: [`${name.toLowerCase()} role`, `What does ${name} do?`, `who is ${last}`],
    answer: `${name} is ${role}.`,
    phrase: name,
    sentence,
  };
}

function whatKey(name: string, description: string, sentence: number, plural = false): Key {
  const be = plural ? 'are' : 'is';
  return {
    kind: 'what',
    question: `What ${be} ${name}?`,
    variants: [`${name.toLowerCase()} definition`, `Can you explain what ${name} ${be}?`, `${name}?`],
    answer: `${name} ${be} ${description}.`,
    phrase: name,
    sentence,
  };
}

const AGENT: Readonly<Record<string, string>> = { founded: 'founder', 'co-founded': 'founders', started: 'founder', established: 'founder', created: 'creator', developed: 'developer', designed: 'designer', invented: 'inventor', built: 'builder', acquired: 'buyer', bought: 'buyer', written: 'author', introduced: 'introduction', launched: 'launch', formed: 'founder' };
const PAST: Readonly<Record<string, string>> = { written: 'wrote' };

function madeByKey(name: string, participle: string, by: string, sentence: number): Key {
  const past = PAST[participle] ?? participle;
  return {
    kind: 'founded',
    question: `Who ${past} ${name}?`,
    variants: [`${name.toLowerCase()} ${AGENT[participle] ?? participle}`, `By whom was ${name} ${participle}?`, `${name} ${participle} by`],
    answer: `${name} was ${participle} by ${by}.`,
    phrase: name,
    sentence,
  };
}

function saidKey(name: string, quoted: string, sentence: number): Key {
  const last = name.split(/\s+/).at(-1)!;
  return {
    kind: 'said',
    question: `What did ${name} say?`,
    variants: [`${name.toLowerCase()} quote`, `What was ${name}'s comment?`, `what did ${last} say`],
    answer: `${name} said: "${quoted}"`,
    phrase: name,
    sentence,
  };
}

/**
 * "When did X <verb> <object>?" from a sentence with a date ("Microsoft issued an
 * "interoperability pledge" in February of 2008 …"); "When was X <participle>?" for the passive.
 * Subject and verb must be found before the date, else no key: a wrong question is worse than none.
 */
function whenKey(body: string, sentence: number, namesInText: ReadonlySet<string>): Key | null {
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

/**
 * "How many <things> …?" from a count: "more than 30 companies that have joined the OpenStack
 * effort" → "How many companies have joined the OpenStack effort?"; otherwise the clause with
 * the count replaced: "Linux violated 235 of Microsoft's patents" → "Linux violated how many of
 * Microsoft's patents?".
 */
function howManyKey(body: string, sentence: number): Key | null {
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

function aboutKey(phrase: string, sentence: number, context: string): Key {
  return {
    kind: 'about',
    question: `What does the article say about ${phrase}?`,
    // Without a partner phrase the keyword form is the bare phrase, so a rephrasing takes its place.
    variants: context ? [`${phrase.toLowerCase()} ${context}`, `Tell me about ${phrase}.`, `${phrase}?`] : [phrase.toLowerCase(), `Tell me about ${phrase}.`, `What is said about ${phrase}?`],
    phrase,
    sentence,
  };
}

// ---------------------------------------------------------------------------------------------
// Key phrases: the paragraph's highest tf-idf noun-like n-grams.

interface Frequencies {
  readonly docs: number;
  readonly df: ReadonlyMap<string, number>;
}

interface Phrase {
  readonly text: string;
  /** Sentences (indexes in the paragraph) holding the phrase, in reading order. */
  readonly sentences: readonly number[];
  /** Sentences that open with the phrase: it is what they are about. */
  readonly subjectOf: readonly number[];
  readonly score: number;
  /** Another key phrase of its sentence, for the keyword variant. */
  readonly context: string;
}

function documentFrequencies(articles: readonly Article[]): Frequencies {
  const df = new Map<string, number>();
  let docs = 0;
  for (const article of articles) {
    for (const paragraph of article.paragraphs) {
      docs++;
      for (const term of new Set(termsOf(article.text.slice(paragraph.start, paragraph.end)))) df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
  return { docs, df };
}

function idf(stats: Frequencies, term: string): number {
  return Math.log(1 + stats.docs / Math.max(1, stats.df.get(term) ?? 0));
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'.&-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/**
 * Candidate phrases: runs of capitalised words (names, products), and 1–4 word runs of lowercase
 * content words that do not end like a verb or adverb ("patent claims", "interoperability
 * pledge"). Scored by occurrences × mean idf, longer and capitalised phrases favoured; a phrase
 * sharing a word with a better one is dropped.
 */
function keyPhrases(sentences: readonly Sentence[], namesInText: ReadonlySet<string>, stats: Frequencies): Phrase[] {
  const found = new Map<string, { text: string; sentences: number[]; subjectOf: number[]; count: number; capitalised: boolean }>();
  const note = (words: readonly string[], sentence: number, capitalised: boolean, opening: boolean): void => {
    const text = words.join(' ');
    const key = text.toLowerCase();
    const seen = found.get(key) ?? { text, sentences: [], subjectOf: [], count: 0, capitalised };
    found.set(key, seen);
    seen.count++;
    if (!seen.sentences.includes(sentence)) seen.sentences.push(sentence);
    if (opening) seen.subjectOf.push(sentence);
  };
  sentences.forEach((sentence, s) => {
    const tokens = [...sentence.text.matchAll(TOKEN)].map((m) => ({ word: m[0].replace(/'s$/, ''), start: m.index, end: m.index + m[0].length, possessive: m[0].endsWith("'s") }));
    let run: string[] = [];
    let runStart = 0;
    let kind: 'cap' | 'low' | null = null;
    const flush = (): void => {
      if (kind === 'cap' && run.length <= 5) note(run, s, true, runStart === 0);
      if (kind === 'low') for (let n = 1; n <= 4; n++) for (let i = 0; i + n <= run.length; i++) if (nounLike(run.slice(i, i + n))) note(run.slice(i, i + n), s, false, false);
      run = [];
      kind = null;
    };
    tokens.forEach((token, i) => {
      const gap = i === 0 ? '' : sentence.text.slice(tokens[i - 1]!.end, token.start);
      if (i > 0 && (!/^\s+$/.test(gap) || tokens[i - 1]!.possessive)) flush();
      const lower = token.word.toLowerCase();
      const capital = /^\p{Lu}|^\p{Ll}+\p{Lu}/u.test(token.word) && (i > 0 || namesInText.has(token.word) || /[\p{N}.&-]|\p{Lu}.*\p{Lu}/u.test(token.word));
      // A sentence's first word is capitalised by rule: unless it is a name, read it in lower case.
      const word = i === 0 && !capital ? lower : token.word;
      // "opens up", "provides an": a lowercase word in -s before these is a verb, not a plural.
      const verb = /^\p{Ll}.*s$/u.test(token.word) && /^(?:up|the|a|an|its|their|his|her)$/i.test(tokens[i + 1]?.word ?? '');
      const content = !verb && !STOPWORDS.has(lower) && !CONNECTIVE_WORDS.has(lower) && !(VERBISH.has(lower) && !capital) && /\p{L}/u.test(lower);
      const next: 'cap' | 'low' | null = capital && content ? 'cap' : !capital && content && /^[\p{Ll}]/u.test(word) ? 'low' : null;
      if (next !== kind) flush();
      if (next) {
        if (run.length === 0) runStart = i;
        run.push(word);
        kind = next;
      }
    });
    flush();
  });
  const scored = [...found.values()].map((p) => {
    const terms = termsOf(p.text);
    const weight = terms.length ? terms.reduce((sum, t) => sum + idf(stats, t), 0) / terms.length : 0;
    const words = p.text.split(' ').length;
    // Repeats count, but less than being a longer, more specific phrase.
    const kind = p.capitalised ? 1.3 : words === 1 ? 0.7 : 1;
    return { ...p, terms, score: (1 + Math.log(p.count)) * weight * (1 + 0.6 * (words - 1)) * kind };
  });
  scored.sort((a, b) => b.score - a.score || a.sentences[0]! - b.sentences[0]!);
  const chosen: Array<(typeof scored)[number]> = [];
  for (const candidate of scored) {
    if (candidate.terms.length === 0 || chosen.some((c) => c.terms.some((t) => candidate.terms.includes(t)))) continue;
    chosen.push(candidate);
  }
  if (process.env.DRAFT_DEBUG) console.error(chosen.map((c) => `${c.text}:${c.score.toFixed(2)}:${c.sentences}`).join(" | "));
  return chosen.map((p) => {
    // The keyword variant adds the best other phrase of the same sentence: "commercial hypervisor cloud.com".
    const partner = chosen.find((c) => c !== p && c.sentences.includes(p.sentences[0]!));
    return { text: p.text, sentences: p.sentences, subjectOf: p.subjectOf, score: p.score, context: partner?.text.toLowerCase() ?? '' };
  });
}

/** A lowercase n-gram that reads as a noun phrase: no verb- or adverb-looking ends, single words long. */
function nounLike(words: readonly string[]): boolean {
  const last = words.at(-1)!;
  const first = words[0]!;
  if (/(?:ed|ing|ly)$/.test(last) || /(?:ed|ing|ly)$/.test(first) || VERBISH.has(last) || VERBISH.has(first)) return false;
  return words.length > 1 || last.length >= 8;
}

// Common verbs and adjectives that end an n-gram badly ("help integrate", "open source").
const VERBISH = new Set(
  'help make makes made use uses used provide provides run runs take takes allow allows get give gives become becomes became began seem seems said says remains keeps holds shows means needs wants leads lets puts plays including include includes well able likely past other potential several previously initially later particularly known shown seen given taken done behind across among around within without toward towards beyond despite via per amid along near onto inside outside'.split(' '),
);
const CONNECTIVES = String.raw`However|Moreover|Furthermore|Additionally|Also|But|And|So|Still|Meanwhile|Lately|Recently|Indeed|Nevertheless|Nonetheless|Thus|Therefore|Instead|Yet|Then|Likewise|Similarly|Consequently|Finally|Besides|Otherwise|Of course|In fact|That said|As a result|In addition|For example|For instance|In other words|On the other hand|After all|Even so|Now|Overall|Ultimately|Importantly|Notably|Specifically|In short|In turn|Still`;
const CONNECTIVE_WORDS = new Set(CONNECTIVES.toLowerCase().split('|').filter((w) => !w.includes(' ')));
const LEADING_CONNECTIVES = new RegExp(String.raw`^(?:(?:${CONNECTIVES}),?\s+)+`, 'u');

/** Drops leading connectives ("However, ", "Lately, ") and capitalises what is left. */
export function trimConnectives(sentence: string): string {
  const trimmed = sentence.replace(LEADING_CONNECTIVES, '');
  return trimmed === sentence ? sentence : capitalise(trimmed);
}

// ---------------------------------------------------------------------------------------------
// Names, quotes, ids.

/**
 * A matched name made usable: leading function words dropped ("The OpenStack project" keeps
 * "OpenStack project"), possessive dropped. In an appositive (`strict`), a one-word name needs
 * evidence that it is one: the article capitalises it mid-sentence far more than not (so "Often,
 * the visions…" gives no "What is Often?"), or its shape says so ("OpenStack", "Cloud.com", "R2").
 * Before "was founded by" or "is a", the sentence's shape is the evidence.
 */
function cleanName(raw: string, names: ReadonlySet<string>, strict = true): string | null {
  const words = raw.replace(/'s$/, '').split(/\s+/);
  while (words.length && NOT_NAME_START.has(words[0]!.toLowerCase())) words.shift();
  while (words.length && /^(?:of|&)$/.test(words.at(-1)!)) words.pop();
  const first = words[0];
  if (first === undefined || /^\d/.test(first) || MONTHS.has(first)) return null;
  if (strict && words.length === 1 && !names.has(first) && !/[\p{N}.&-]|\p{Lu}.*\p{Lu}/u.test(first)) return null;
  return words.join(' ');
}

const NOT_NAME_START = new Set([...STOPWORDS, 'under', 'according', 'unfortunately', 'often', 'lately', 'recently', 'however', 'although', 'though', 'during', 'since', 'while', 'upon', 'like', 'unlike', 'despite', 'within', 'without']);
const MONTHS = new Set(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);

/**
 * Words the article capitalises mid-sentence far more often than not: its names. A
 * sentence-initial capital says nothing, so those occurrences are not counted.
 */
function namesOf(article: Article): Set<string> {
  const capitalised = new Map<string, number>();
  const lower = new Map<string, number>();
  for (const paragraph of article.paragraphs) {
    for (const span of paragraph.sentences) {
      const text = article.text.slice(span.start, span.end).replace(/[’]/g, "'");
      let first = true;
      for (const m of text.matchAll(TOKEN)) {
        const word = m[0].replace(/'s$/, '');
        if (/^\p{Ll}/u.test(word)) lower.set(word, (lower.get(word) ?? 0) + 1);
        else if (!first) capitalised.set(word, (capitalised.get(word) ?? 0) + 1);
        first = false;
      }
    }
  }
  // "Tesla" is a name though "the tesla" (the unit) occurs once; "Often" after a missed sentence
  // break is not, since "often" is mostly written in lower case.
  return new Set([...capitalised].filter(([word, n]) => n > 2 * (lower.get(word.toLowerCase()) ?? 0)).map(([word]) => word));
}

/** The description of an appositive must read as one: a determiner and a lowercase word after it. */
function describes(description: string): boolean {
  const words = description.split(/\s+/);
  const head = words[1] ?? '';
  if (words.length < 2 || words.length > 20) return false;
  if (/^(?:same|other|first|second|one|last|next|deal|idea|case|company|companies)$/.test(head)) return false;
  return /^[\p{Ll}\p{N}]/u.test(head) || /^(?:\p{Lu}\.)+\p{Lu}?\.?$/u.test(head);
}

/** A matched clause up to its end: trailing sentence punctuation and quotes dropped. */
function endClause(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[.!?"]+$/, '').trim();
}

/**
 * The verbatim text to cite for a key sentence: the sentence, with the next one when it is short
 * and both fit in MAX_QUOTE (context for a terse sentence). A sentence longer than MAX_QUOTE
 * (often two that the splitter could not tell apart) is cut to a window that holds `focus` (the
 * name or phrase the question is about), starting after a sentence or clause boundary and ending
 * at one (else at a word boundary): still verbatim text, never a broken word.
 */
function quoteFor(article: Article, sentences: readonly Sentence[], index: number, focus: string): string {
  const sentence = sentences[index]!;
  const { span } = sentence;
  const next = sentences[index + 1]?.span;
  if (next && span.end - span.start < 60 && next.end - span.start <= MAX_QUOTE) return article.text.slice(span.start, next.end);
  const text = article.text.slice(span.start, span.end);
  if (text.length <= MAX_QUOTE) return text;
  const at = Math.max(0, sentence.text.indexOf(focus));
  let start = 0;
  if (at + focus.length > MAX_QUOTE * 0.6) {
    const boundaries = [...text.slice(0, at + 1).matchAll(/(?:[.!?;]["”’)\]]*|:\d[\d–, ]*|,)\s+(?=\S)/g)].map((m) => m.index + m[0].length);
    start = boundaries.reverse().find((b) => at - b < MAX_QUOTE / 2) ?? text.indexOf(' ', Math.max(0, at - 100)) + 1;
  }
  if (text.length - start <= MAX_QUOTE) return text.slice(start).trim();
  // One character past the budget, so a word ending exactly at the budget is kept whole.
  const window = text.slice(start, start + MAX_QUOTE + 1);
  const clause = Math.max(window.lastIndexOf(', '), window.lastIndexOf('; '));
  const cut = clause > Math.max(MAX_QUOTE / 2, at - start + focus.length) ? clause : window.search(/\s+\S*$/);
  return window.slice(0, cut > 0 ? cut : MAX_QUOTE).replace(/[\s,;:]+$/, '');
}

/** "Hyper-V To Be Integrated in OpenStack" → "hyper-v": the title's first two content words, at most two slug words. */
function slugOfTitle(article: Article): string {
  const words = article.title.split(/\s+/).filter((w) => !STOPWORDS.has(w.toLowerCase()));
  return slugify(words.slice(0, 2).join(' '), 2) || slugify(article.source.replace(/\.[^.]+$/, ''), 3) || 'article';
}

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

function uniqueId(base: string, used: Set<string>): string {
  let id = base.replace(/-+/g, '-').replace(/^-|-$/g, '');
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

function dedupe(variants: readonly string[], question: string): string[] {
  const seen = new Set([question.toLowerCase()]);
  return variants.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function shorten(text: string): string {
  // Only ordinary white space is folded: no-break spaces and curly quotes stay as written.
  const clean = text.replace(/[ \t\r\n]+/g, ' ').trim();
  if (clean.length <= MAX_ANSWER) return clean;
  return `${clean.slice(0, MAX_ANSWER).replace(/\s+\S*$/, '')}…`;
}

/**
 * Base form of a past-tense verb ("issued" → "issue", "stopped" → "stop", "applied" → "apply"),
 * or null when the word does not look like one. English spelling makes this a guess: the rules
 * restore a silent e where a past form usually drops one; a draft question may need a fix.
 */
function baseForm(verb: string): string | null {
  const irregular = IRREGULAR[verb];
  if (irregular) return irregular;
  if (!/^[a-z]{2,}ed$/.test(verb)) return null;
  if (/^[a-z]{1,2}ied$/.test(verb)) return verb.slice(0, -1);
  if (verb.endsWith('ied')) return `${verb.slice(0, -3)}y`;
  if (verb.endsWith('eed')) return verb.slice(0, -1);
  const stem = verb.slice(0, -2);
  if (/([b-df-hj-np-tv-z])\1$/.test(stem) && !/(?:ll|ss|ff|zz)$/.test(stem)) return stem.slice(0, -1);
  if (/[aeiou][^aeiou]+[eo]ll$/.test(stem)) return stem.slice(0, -1); // "controlled", "travelled"
  return SILENT_E.test(stem.replace(/qu/g, 'qw')) ? `${stem}e` : stem;
}

// Stem endings whose verb ends in e: produc-ed, mov-ed, issu-ed, chang-ed, us-ed, locat-ed,
// decid-ed, nam-ed, enabl-ed, explor-ed. Not "visit", "open", "develop", "honor".
const SILENT_E = /(?:[cvzu]|[aeu]ng|rg|[^s]s|[^aeiou]at|[^aeiou]ut|[^aeiou](?:[aiu][bdgklmnrs]|o[bdgklmst])|ap|ip|up|[bcdfgkptz]l|xplor|gnor|stor|scor|ador|plor)$/;

const IRREGULAR: Readonly<Record<string, string>> = {
  added: 'add', created: 'create', died: 'die', made: 'make', began: 'begin', became: 'become', bought: 'buy', built: 'build', said: 'say', sold: 'sell', took: 'take', grew: 'grow', won: 'win', led: 'lead', held: 'hold', wrote: 'write', ran: 'run', gave: 'give', found: 'find', left: 'leave', paid: 'pay', brought: 'bring', went: 'go', came: 'come', saw: 'see', got: 'get', had: 'have', did: 'do', spent: 'spend', rose: 'rise', fell: 'fall', chose: 'choose', met: 'meet', set: 'set', put: 'put', lost: 'lose', struck: 'strike', shut: 'shut', split: 'split', sent: 'send', told: 'tell', thought: 'think', taught: 'teach', unveiled: 'unveil', opened: 'open', joined: 'join', signed: 'sign', announced: 'announce', released: 'release', issued: 'issue', launched: 'launch', acquired: 'acquire', introduced: 'introduce', closed: 'close', merged: 'merge',
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
