/**
 * Property tests over the whole answering path: a question as Slack would deliver it (any
 * Unicode, control characters, broken Slack markup, up to 40,000 characters) → normalize → match
 * → render, for Slack (Block Kit) and for the terminal. It never throws; the blocks stay within
 * Block Kit's limits; no `<`, `>` or `&` from user or article text reaches mrkdwn unescaped.
 *
 * 10,000+ generated cases in all (the run counts are asserted at the end), in a few seconds.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedsEngine } from '../helpers/seeds-engine.ts';
import type { Answer, AnswerStatus } from '../../src/answer/types.ts';
import type { Engine } from '../../src/engine.ts';
import { normalizeText, termsOf } from '../../src/match/normalize.ts';
import { renderAnswer, type AnswerRenderOptions } from '../../src/slack/blocks/render-answer.ts';
import { renderText } from '../../src/render/text.ts';
import { hostileText, userId } from './arbitraries.ts';
import { messageProblems } from './block-kit-rules.ts';

let engine: Engine;
let cases = 0;
const statuses = new Map<AnswerStatus, number>();

beforeAll(async () => {
  engine = await seedsEngine();
});

afterAll(() => {
  // The issue asks for at least 10,000 generated cases in CI.
  expect(cases).toBeGreaterThanOrEqual(10_000);
});

const renderOptions: fc.Arbitrary<AnswerRenderOptions> = fc.record(
  {
    private: fc.boolean(),
    askedBy: userId,
    examples: fc.array(hostileText(200), { maxLength: 5 }),
    feedback: fc.record({ verdict: fc.constantFrom('helpful' as const, 'not_helpful' as const), user: userId }),
  },
  { requiredKeys: [] },
);

/** Everything a rendering must satisfy; returns the problems (none is the expected outcome). */
function check(answer: Answer, options: AnswerRenderOptions): string[] {
  cases += 1;
  const message = renderAnswer(answer, options);
  const text = renderText(answer);
  const problems = messageProblems(message);
  if (typeof text !== 'string' || text.length === 0) problems.push('renderText gave no text');
  return problems;
}

describe('question → engine → Slack blocks and terminal text', () => {
  it('short hostile questions (4,000 cases): never a throw, always valid blocks, every status reached', () => {
    fc.assert(
      // Hostile text, now and then mixed with a question that fits two entries about equally.
      fc.property(fc.oneof({ arbitrary: hostileText(400), weight: 20 }, { arbitrary: fc.constant('What if VMware supports OpenStack?'), weight: 1 }), renderOptions, (question, options) => {
        const answer = engine.ask(question);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        expect(check(answer, options)).toEqual([]);
      }),
      { numRuns: 4_000 },
    );
    // The generator is worth something only if it reaches every kind of reply.
    expect([...statuses.keys()].sort()).toEqual(['ambiguous', 'answered', 'unknown']);
  });

  it('questions up to 40,000 characters (30 cases)', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText(40_000), fc.string({ unit: 'binary', minLength: 30_000, maxLength: 40_000 })), (question) => {
        expect(check(engine.ask(question), {})).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('"did you mean" choices with any entry id and question (1,000 cases)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...engine.examples), hostileText(100)), hostileText(300), (entryId, question) => {
        const answer = engine.answerEntry(entryId, question);
        cases += answer === null ? 1 : 0;
        if (answer !== null) expect(check(answer, { private: true })).toEqual([]);
      }),
      { numRuns: 1_000 },
    );
  });

  it('normalization of any string (2,000 cases)', () => {
    fc.assert(
      fc.property(hostileText(2_000), (text) => {
        cases += 1;
        expect(typeof normalizeText(text)).toBe('string');
        expect(Array.isArray(termsOf(text))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('any engine answer → Slack blocks and terminal text (article text is hostile too)', () => {
  const text = (max: number): fc.Arbitrary<string> => fc.oneof({ weight: 4, arbitrary: hostileText(max) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: max }) });
  const citation = (max: number) =>
    fc.record(
      {
        source: text(100),
        title: text(max),
        quote: text(max),
        paragraph: fc.oneof(fc.nat(), fc.integer(), fc.constant(Number.NaN)),
        url: fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), text(200), fc.constant('javascript:alert(1)'), fc.constant('https://x.example/a>b|c')),
        date: text(60),
      },
      { requiredKeys: ['source', 'title', 'quote', 'paragraph'] },
    );
  const suggestion = (max: number) => fc.record({ question: text(max), entryId: text(300) });
  const common = (max: number) => ({ question: text(max), score: fc.double() });
  /** Answers as the engine's contract shapes them (src/answer/types.ts), with hostile content. */
  const answerArb = (max: number): fc.Arbitrary<Answer> =>
    fc.oneof(
      fc.record({
        ...common(max),
        status: fc.constant('answered' as const),
        answer: text(max),
        citations: fc.array(citation(max), { minLength: 1, maxLength: 3 }),
        suggestions: fc.constant([]),
        entryId: text(300),
      }),
      fc.record({
        ...common(max),
        status: fc.constant('ambiguous' as const),
        answer: fc.constant(null),
        citations: fc.constant([]),
        suggestions: fc.array(suggestion(max), { minLength: 2, maxLength: 3 }),
        entryId: fc.constant(null),
      }),
      fc.record({
        ...common(max),
        status: fc.constant('unknown' as const),
        answer: fc.constant(null),
        citations: fc.constant([]),
        suggestions: fc.array(suggestion(max), { maxLength: 3 }),
        entryId: fc.constant(null),
      }),
    );
  /** Anything of the right types, contract or not (too many citations and suggestions, mixed-up fields). */
  const looseAnswerArb = (max: number): fc.Arbitrary<Answer> =>
    fc.record({
      question: text(max),
      status: fc.constantFrom('answered' as const, 'ambiguous' as const, 'unknown' as const),
      answer: fc.option(text(max), { nil: null }),
      citations: fc.array(citation(max), { maxLength: 8 }),
      suggestions: fc.array(suggestion(max), { maxLength: 60 }),
      score: fc.double(),
      entryId: fc.option(text(300), { nil: null }),
    });

  it('ordinary sizes (3,000 cases)', () => {
    fc.assert(
      fc.property(answerArb(500), renderOptions, (answer, options) => {
        expect(check(answer, options)).toEqual([]);
      }),
      { numRuns: 3_000 },
    );
  });

  it('every field up to 40,000 characters (40 cases)', () => {
    fc.assert(
      fc.property(answerArb(40_000), renderOptions, (answer, options) => {
        expect(check(answer, options)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('answers outside the contract: the blocks are still valid and nothing throws (1,000 cases)', () => {
    fc.assert(
      fc.property(looseAnswerArb(1_000), renderOptions, (answer, options) => {
        cases += 1;
        expect(messageProblems(renderAnswer(answer, options))).toEqual([]);
        expect(typeof renderText(answer)).toBe('string');
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('the checker itself', () => {
  it('catches what it is meant to catch', () => {
    const section = (t: string) => ({ text: 'x', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: t } }] });
    expect(messageProblems(section('a <!channel> b')).join()).toMatch(/unescaped "</);
    expect(messageProblems(section('Q&A')).join()).toMatch(/unescaped "&"/);
    expect(messageProblems(section('x'.repeat(3001))).join()).toMatch(/3001 chars/);
    expect(messageProblems(section('a\uD800b')).join()).toMatch(/surrogate/);
    expect(messageProblems({ text: '', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) })).toEqual(['no plain text fallback', '51 blocks (max 50)']);
    expect(messageProblems(section('>a quote &amp; &lt;b&gt;\n— <https://x.example/a|Title>, paragraph 2 <@U123>'))).toEqual([]);
  });
});
