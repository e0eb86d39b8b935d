import { beforeAll, describe, expect, it } from 'vitest';
import { seedsEngine } from '../helpers/seeds-engine.ts';
import { splitQuestion } from '../../src/answer/split-question.ts';
import type { Engine } from '../../src/engine.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await seedsEngine();
});

describe('questions that ask two things', () => {
  it('split at a conjunction or question mark before a new question word, not inside a list of names', () => {
    expect(splitQuestion('Who founded OpenStack and what was NASA’s platform called?')).toEqual(['Who founded OpenStack', 'what was NASA’s platform called?']);
    expect(splitQuestion('When did OpenStack launch? Who is Ted MacLean?')).toHaveLength(2);
    expect(splitQuestion('What do Microsoft and Cloud.com provide?')).toEqual(['What do Microsoft and Cloud.com provide?']);
  });

  it('get one answer with each part’s answer and a quote for each', () => {
    const answer = engine.ask('When did OpenStack launch? Who is Ted MacLean?');
    expect(answer.status).toBe('answered');
    expect(answer.answer).toMatch(/launched/);
    expect(answer.answer).toMatch(/Ted MacLean/);
    const quotes = answer.citations.map((c) => c.quote).join(' ');
    expect(quotes).toMatch(/launched/);
    expect(quotes).toMatch(/Ted MacLean/);
    expect(quotes.length).toBeLessThanOrEqual(700);
  });

  it('say which part the articles do not cover', () => {
    const answer = engine.ask('Who founded OpenStack and what is the capital of France?');
    expect(answer.status).toBe('answered');
    expect(answer.answer).toMatch(/Rackspace/);
    expect(answer.answer).toContain('The articles don\'t say “what is the capital of France”');
  });
});
