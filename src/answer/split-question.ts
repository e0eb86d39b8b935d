/**
 * Splits a question that asks two things ("Who founded OpenStack and what was NASA's platform
 * called?", "When did it launch? Who joined?") into its parts; a question asking one thing comes
 * back alone. Only a conjunction or a question mark followed by a new question word splits, so
 * "Rackspace and NASA" or "What do Microsoft and Cloud.com provide?" stay whole.
 *
 *   splitQuestion('Who founded OpenStack and what was NASA’s platform called?')
 *   // → ['Who founded OpenStack', 'what was NASA’s platform called?']
 */
export function splitQuestion(question: string): string[] {
  const parts = question
    .split(SPLIT)
    .map((part) => part.trim())
    .filter((part) => /[\p{L}\p{N}]/u.test(part));
  return parts.length >= 2 && parts.length <= MAX_PARTS ? parts : [question];
}

const QUESTION_WORD = '(?:who|whom|whose|what|which|when|where|why|how|is|are|was|were|does|do|did|can|could|will|would|has|have)';
/** "…? Who…", or ", and what…" / " and when…": a second question starts at its question word. */
const SPLIT = new RegExp(`(?<=\\?)\\s+(?=${QUESTION_WORD}\\b)|,?\\s+(?:and|also|plus)\\s+(?=${QUESTION_WORD}\\b)`, 'i');
/** More parts than this is a list, not a few questions at once. */
const MAX_PARTS = 3;
