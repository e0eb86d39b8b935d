import type { Answer, AnswerStatus } from '../../src/answer/types.ts';
import type { Engine } from '../../src/engine.ts';

/**
 * Questions to try on whatever engine is current, to find one it answers, one it finds ambiguous
 * and one it does not know: tests ask the engine rather than hard-code its answers.
 */
function candidates(engine: Engine): string[] {
  const fromTitles = engine.articles.flatMap((a) => a.title.split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length > 3));
  return [
    ...engine.examples,
    'Is Microsoft joining OpenStack?',
    'What if VMware supports OpenStack?',
    'Who founded OpenStack?',
    'What is Hyper-V part of?',
    'Microsoft',
    'OpenStack',
    'Hyper-V',
    'cloud',
    'Microsoft OpenStack',
    'what about the cloud',
    'open source',
    'the deal',
    ...fromTitles,
    'What is the airspeed velocity of an unladen swallow?',
    'zqxv wplk frobnicate',
    'How do I bake sourdough bread at home?',
  ];
}

export function findQuestion(engine: Engine, status: AnswerStatus, extra: readonly string[] = []): { question: string; answer: Answer } | null {
  for (const question of [...extra, ...candidates(engine)]) {
    const answer = engine.ask(question);
    if (answer.status === status && (status !== 'answered' || answer.citations.length > 0)) return { question, answer };
  }
  return null;
}

/** A question the engine answers with quotes; every engine worth testing has one. */
export function answeredQuestion(engine: Engine): { question: string; answer: Answer } {
  const found = findQuestion(engine, 'answered');
  if (!found) throw new Error('the engine answers none of the probe questions: is seeds/ loaded?');
  return found;
}

/**
 * A question with an "&" that the engine answers, while the same words with Slack's "&amp;" (left
 * undecoded) it does not: what shows that a Slack question is decoded before it is matched.
 */
export function ampersandQuestion(engine: Engine): { question: string; answer: Answer } {
  const bases = [...candidates(engine)].slice(0, 40).map((q) => q.replace(/\?$/, ''));
  for (const base of bases) {
    for (const question of [`${base} (R&D)?`, `${base} & more?`, `${base} & support?`, `AT&T: ${base}?`]) {
      const answer = engine.ask(question);
      if (answer.status === 'answered' && answer.citations.length > 0 && engine.ask(question.replace(/&/g, '&amp;')).status !== 'answered') return { question, answer };
    }
  }
  throw new Error('no probe question with "&" is answered only when decoded: add one to test/helpers/engine-probes.ts');
}
