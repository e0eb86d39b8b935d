import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../listener-deps.ts';
import { ANSWER_QUESTION_STEP, onAnswerQuestionStep } from './answer-question-step.ts';

/** The custom workflow steps (`functions` in manifest.yml); the manifest test checks both ways. */
export const functions = [ANSWER_QUESTION_STEP] as const;

/** Slack delivers a step's runs as this event; the manifest must subscribe to it. */
export const events = ['function_executed'] as const;

export function register(app: App, deps: ListenerDeps): void {
  app.function(ANSWER_QUESTION_STEP, onAnswerQuestionStep(deps));
}
