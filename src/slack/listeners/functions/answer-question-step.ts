import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Answer } from '../../../answer/types.ts';
import { renderText } from '../../../render/text.ts';
import { hasWords, incomingQuestion } from '../../incoming-question.ts';
import type { ListenerDeps } from '../../listener-deps.ts';

/** The custom step's callback_id, the key under `functions` in manifest.yml. */
export const ANSWER_QUESTION_STEP = 'answer_question';

/** What the step hands to the next steps of a workflow (manifest.yml `output_parameters`). */
export interface AnswerStepOutputs {
  /** `answered`, `ambiguous` or `unknown`, so a workflow can branch on it. */
  readonly status: Answer['status'];
  /** The short answer when answered; otherwise the reply a person would read ("I am not sure…"). */
  readonly answer: string;
  /** The first quote, verbatim; empty unless answered. */
  readonly quote: string;
  /** Where that quote comes from: "Article title, paragraph 2"; empty unless answered. */
  readonly source: string;
}

/**
 * The Workflow Builder step "Answer a question" (`function_executed`): answers its `question`
 * input and completes with the outputs above (`functions.completeSuccess`). An empty question, or
 * anything going wrong, completes it with an error (`functions.completeError`) that Workflow
 * Builder shows to the workflow's owner, so a workflow never hangs on the step.
 */
export function onAnswerQuestionStep(deps: ListenerDeps) {
  return async ({ inputs, complete, fail, context }: SlackEventMiddlewareArgs<'function_executed'> & AllMiddlewareArgs): Promise<void> => {
    const raw = typeof inputs['question'] === 'string' ? inputs['question'] : '';
    const question = await incomingQuestion(raw, { botUserId: context.botUserId, names: deps.names });
    if (!hasWords(question)) {
      await fail({ error: 'The "question" input is empty: map it to the text to answer (e.g. the message that started the workflow).' });
      return;
    }
    // The step must end with complete or fail whatever happens: the one listener that catches.
    let outputs: AnswerStepOutputs;
    try {
      outputs = stepOutputs(deps.getEngine().ask(question));
    } catch (error) {
      deps.logger.error('faqbot: the workflow step could not answer', { error: String(error) });
      await fail({ error: 'faqbot could not answer this question because of an internal error. Please try again.' });
      return;
    }
    await complete({ outputs: { ...outputs } });
  };
}

export function stepOutputs(answer: Answer): AnswerStepOutputs {
  const first = answer.status === 'answered' ? answer.citations[0] : undefined;
  return {
    status: answer.status,
    answer: answer.status === 'answered' ? (answer.answer ?? '') : renderText(answer),
    quote: first?.quote ?? '',
    source: first ? `${first.title}, paragraph ${first.paragraph}` : '',
  };
}
