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
      return [answer.answer ?? '', ...quotes].join('\n');
    }
    case 'ambiguous':
      return ['I am not sure which of these you mean:', ...answer.suggestions.map((s, i) => `  ${i + 1}. ${s.question}`)].join('\n');
    case 'unknown':
      return [
        "I don't know: the articles I have don't answer that.",
        ...(answer.suggestions.length
          ? [answer.nearMatches ? 'Did you mean:' : 'You could ask, for example:', ...answer.suggestions.map((s) => `  - ${s.question}`)]
          : []),
      ].join('\n');
  }
}
