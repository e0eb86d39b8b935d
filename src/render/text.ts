import type { Answer } from '../answer/types.ts';

/**
 * The terminal rendering: the answer, then each quote with its article title and paragraph.
 *
 *   Rackspace and NASA started OpenStack.
 *     “OpenStack was founded by hosting services provider Rackspace…”
 *       — Hyper-V To Be Integrated in OpenStack, paragraph 2
 */
export function renderText(answer: Answer): string {
  switch (answer.status) {
    case 'answered': {
      const quotes = answer.citations.map((c) => `  “${c.quote}”\n    — ${c.title}, paragraph ${c.paragraph}${c.date ? ` (${c.date})` : ''}`);
      // An answer about the article itself comes from its credits, which are never quoted.
      const about = answer.about ? [`    — from the credits of ${answer.about.title}`] : [];
      return [answer.answer ?? '', ...quotes, ...about].join('\n');
    }
    // Suggestions are numbered: in the terminal chat, typing the number answers that one.
    case 'ambiguous':
      return ['I am not sure which of these you mean. Did you mean:', ...numbered(answer)].join('\n');
    case 'unknown':
      return [
        "I don't know: the articles I have don't answer that.",
        ...(answer.suggestions.length ? [answer.nearMatches ? 'Did you mean:' : 'You could ask, for example:', ...numbered(answer)] : []),
      ].join('\n');
  }
}

function numbered(answer: Answer): string[] {
  return answer.suggestions.map((s, i) => `  ${i + 1}. ${s.question}`);
}
