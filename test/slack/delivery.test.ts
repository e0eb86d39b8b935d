import { describe, expect, it } from 'vitest';
import { answeredQuestion } from '../helpers/engine-probes.ts';
import { SIGNING_SECRET, useHttpTestApp } from '../helpers/http-test-app.ts';
import { BOT_USER, eventEnvelope, mentionEvent, messageEvent } from '../helpers/slack-payloads.ts';
import { postJson } from '../helpers/signed-requests.ts';
import { waitFor } from '../helpers/wait-for.ts';

const t = useHttpTestApp();

/** Waits until the app has logged skipping `count` repeats (its handling is over by then). */
function skipped(count: number) {
  return waitFor(() => t.logger.find('debug', 'already answered').length >= count, `${count} skipped repeat(s)`);
}

describe('each (channel, ts) is answered once', () => {
  it("a Slack retry (x-slack-retry-num) of an answered mention is acked and not answered again", async () => {
    const envelope = eventEnvelope(mentionEvent({ text: `<@${BOT_USER}> ${answeredQuestion(t.engine).question}` }));
    await postJson(t.url, SIGNING_SECRET, envelope);
    await t.api.waitForCalls('chat.postMessage');

    const retry1 = await postJson(t.url, SIGNING_SECRET, envelope, { retryNum: 1 });
    const retry2 = await postJson(t.url, SIGNING_SECRET, envelope, { retryNum: 2 });
    expect([retry1.status, retry2.status]).toEqual([200, 200]);
    await skipped(2);
    expect(t.api.calls('chat.postMessage')).toHaveLength(1);
    expect(t.logger.find('debug', 'already answered').map((l) => l.fields.retry_num)).toEqual([1, 2]);
  });

  it('a duplicate delivery under a new event_id is not answered again', async () => {
    const event = messageEvent({ text: answeredQuestion(t.engine).question });
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(event, { eventId: 'Ev0FIRST' }));
    await t.api.waitForCalls('chat.postMessage');
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(event, { eventId: 'Ev0SECOND' }));
    await skipped(1);
    expect(t.api.calls('chat.postMessage')).toHaveLength(1);
  });

  it('concurrent copies (original and retry racing) still give one answer', async () => {
    const envelope = eventEnvelope(mentionEvent({ text: `<@${BOT_USER}> ${answeredQuestion(t.engine).question}` }));
    await Promise.all([postJson(t.url, SIGNING_SECRET, envelope), postJson(t.url, SIGNING_SECRET, envelope, { retryNum: 1 }), postJson(t.url, SIGNING_SECRET, { ...envelope, event_id: 'Ev0OTHER' })]);
    await skipped(2);
    expect(t.api.calls('chat.postMessage')).toHaveLength(1);
  });

  it('a mention inside a DM (app_mention and message.im for one message) is answered once', async () => {
    const question = answeredQuestion(t.engine).question;
    const ts = '1700000099.000001';
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(mentionEvent({ text: `<@${BOT_USER}> ${question}`, channel: 'D0ALICE', ts })));
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(messageEvent({ text: `<@${BOT_USER}> ${question}`, channel: 'D0ALICE', ts })));
    await skipped(1);
    expect(t.api.calls('chat.postMessage')).toHaveLength(1);
  });

  it('a retry whose first delivery never arrived is answered: nothing is lost', async () => {
    await postJson(t.url, SIGNING_SECRET, eventEnvelope(mentionEvent({ text: `<@${BOT_USER}> ${answeredQuestion(t.engine).question}` })), { retryNum: 1 });
    await t.api.waitForCalls('chat.postMessage');
  });

  it('after a transient failure (HTTP 500) a retry is answered; after a permanent one it is not', async () => {
    const transient = eventEnvelope(mentionEvent({ text: `<@${BOT_USER}> ${answeredQuestion(t.engine).question}`, channel: 'C0FLAKY' }));
    t.api.failNext('chat.postMessage', 500, 'upstream trouble');
    await postJson(t.url, SIGNING_SECRET, transient);
    await waitFor(() => t.logger.find('error', 'app_mention failed').length === 1, 'the failure to be logged');
    await postJson(t.url, SIGNING_SECRET, transient, { retryNum: 1 });
    await t.api.waitForCalls('chat.postMessage', 2);

    const permanent = eventEnvelope(mentionEvent({ text: `<@${BOT_USER}> ${answeredQuestion(t.engine).question}`, channel: 'C0GONE' }));
    t.api.failNext('chat.postMessage', 200, { ok: false, error: 'channel_not_found' });
    await postJson(t.url, SIGNING_SECRET, permanent);
    await waitFor(() => t.logger.find('error', 'app_mention failed').length === 2, 'the second failure to be logged');
    await postJson(t.url, SIGNING_SECRET, permanent, { retryNum: 1 });
    await skipped(1);
    expect(t.api.calls('chat.postMessage')).toHaveLength(3);
  });
});
