import { describe, expect, it } from 'vitest';
import { SIGNING_SECRET, useHttpTestApp } from '../helpers/http-test-app.ts';
import { BOT_USER, eventEnvelope, mentionEvent, slashCommand } from '../helpers/slack-payloads.ts';
import { nowSeconds, slackSignature } from '../slack-stand-in/slack-signing.ts';
import { postForm, postJson } from '../helpers/signed-requests.ts';
import { settle } from '../helpers/wait-for.ts';

const t = useHttpTestApp();

const mention = () => eventEnvelope(mentionEvent({ text: `<@${BOT_USER}> Is Microsoft joining OpenStack?` }));

describe('request signing', () => {
  it('a correctly signed request is accepted (control)', async () => {
    expect((await postJson(t.url, SIGNING_SECRET, mention())).status).toBe(200);
    await t.api.waitForCalls('chat.postMessage');
  });

  it('a bad signature is answered 401 and nothing is posted', async () => {
    const res = await postJson(t.url, SIGNING_SECRET, mention(), { signature: slackSignature('some-other-secret', nowSeconds(), '{}') });
    expect(res.status).toBe(401);
    await settle();
    expect(t.api.apiCalls).toEqual([]);
  });

  it('a signature over a different body (tampered request) is answered 401', async () => {
    const ts = nowSeconds();
    const res = await postJson(t.url, SIGNING_SECRET, mention(), { timestamp: ts, signature: slackSignature(SIGNING_SECRET, ts, JSON.stringify(mention())) });
    expect(res.status).toBe(401);
  });

  it('a stale timestamp (over 5 minutes old), even correctly signed, is answered 401', async () => {
    const res = await postJson(t.url, SIGNING_SECRET, mention(), { timestamp: nowSeconds() - 6 * 60 });
    expect(res.status).toBe(401);
    await settle();
    expect(t.api.apiCalls).toEqual([]);
  });

  it('an unsigned slash command is answered 401 and never reaches /faq', async () => {
    const res = await postForm(t.url, SIGNING_SECRET, slashCommand({ text: 'help', responseUrl: t.api.responseUrl('x') }), { signature: 'v0=deadbeef' });
    expect(res.status).toBe(401);
    await settle();
    expect(t.api.responseUrlCalls).toEqual([]);
  });
});
