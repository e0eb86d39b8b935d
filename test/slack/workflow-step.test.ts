import { describe, expect, it } from 'vitest';
import { answeredQuestion, findQuestion } from '../helpers/engine-probes.ts';
import { SIGNING_SECRET, useHttpTestApp } from '../helpers/http-test-app.ts';
import { eventEnvelope, nextTs } from '../helpers/slack-payloads.ts';
import { postJson } from '../helpers/signed-requests.ts';

const t = useHttpTestApp();
const WORKFLOW_TOKEN = 'xwfp-workflow-token-for-this-run';

/** `function_executed`: a workflow reached faqbot's "Answer a question" step. */
function functionExecuted(inputs: Record<string, unknown>, executionId = `Fx${nextTs().replace('.', '')}`): Record<string, unknown> {
  return {
    type: 'function_executed',
    function: { id: 'Fn0ANSWER', callback_id: 'answer_question', title: 'Answer a question', type: 'app', app_id: 'A0FAQBOT', date_created: 1700000000, date_updated: 1700000000 },
    inputs,
    function_execution_id: executionId,
    workflow_execution_id: 'Wx0001',
    event_ts: nextTs(),
    bot_access_token: WORKFLOW_TOKEN,
  };
}

describe('the Workflow Builder step "Answer a question"', () => {
  it('completes with the answer, the first quote, its source and the status', async () => {
    const { question, answer } = answeredQuestion(t.engine);
    const res = await postJson(t.url, SIGNING_SECRET, eventEnvelope(functionExecuted({ question }, 'Fx0001')));
    expect(res.status).toBe(200);
    const [done] = await t.api.waitForCalls('functions.completeSuccess');
    expect(done?.params.function_execution_id).toBe('Fx0001');
    const first = answer.citations[0]!;
    expect(done?.params.outputs).toEqual({ status: 'answered', answer: answer.answer, quote: first.quote, source: `${first.title}, paragraph ${first.paragraph}` });
    // Called with the token Slack issued for this run, as Slack requires.
    expect(done?.authorization).toBe(`Bearer ${WORKFLOW_TOKEN}`);
    expect(t.api.calls('functions.completeError')).toEqual([]);
  });

  it('an unknown question still completes, with status unknown, a sentence to show, and no quote', async () => {
    const unknown = findQuestion(t.engine, 'unknown');
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(functionExecuted({ question: unknown!.question })));
    const [done] = await t.api.waitForCalls('functions.completeSuccess');
    expect(done?.params.outputs).toMatchObject({ status: 'unknown', quote: '', source: '' });
    expect(String((done?.params.outputs as { answer: string }).answer)).toMatch(/don't know/);
  });

  it('an empty question completes with an error saying what to do (functions.completeError)', async () => {
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(functionExecuted({ question: '  ' }, 'Fx0003')));
    const [failed] = await t.api.waitForCalls('functions.completeError');
    expect(failed?.params.function_execution_id).toBe('Fx0003');
    expect(String(failed?.params.error)).toMatch(/"question" input is empty/);
    expect(t.api.calls('functions.completeSuccess')).toEqual([]);
  });
});

describe('the workflow step when answering fails', () => {
  it('completes with an error (never hangs the workflow) and shows no internal detail', async () => {
    await t.restart({
      getEngine: () => ({
        ...t.engine,
        ask: () => {
          throw new Error('index exploded: /secret/path');
        },
      }),
    });
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(functionExecuted({ question: 'What is OpenStack?' }, 'Fx0004')));
    const [failed] = await t.api.waitForCalls('functions.completeError');
    expect(failed?.params.function_execution_id).toBe('Fx0004');
    expect(String(failed?.params.error)).not.toMatch(/exploded|secret/);
  });
});
