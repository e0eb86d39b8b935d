import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.ts';
import { blockText, escaped } from '../helpers/blocks.ts';
import { SIGNING_SECRET, useHttpTestApp } from '../helpers/http-test-app.ts';
import { appHomeOpenedEvent, eventEnvelope } from '../helpers/slack-payloads.ts';
import { postJson } from '../helpers/signed-requests.ts';

const t = useHttpTestApp();

describe('App Home opened', () => {
  it('publishes a Home view with the article titles, example questions and how to ask', async () => {
    const res = await postJson(t.url, SIGNING_SECRET, eventEnvelope(appHomeOpenedEvent({ user: 'U0ALICE' })));
    expect(res.status).toBe(200);
    const [publish] = await t.api.waitForCalls('views.publish');
    expect(publish?.params.user_id).toBe('U0ALICE');
    const view = publish?.params.view as { type?: string; blocks?: unknown[] };
    expect(view.type).toBe('home');
    expect(view.blocks?.length).toBeLessThanOrEqual(100);
    const text = blockText(view.blocks);
    expect(t.engine.articles.length).toBeGreaterThan(0);
    for (const a of t.engine.articles) expect(text).toContain(escaped(a.title));
    for (const q of t.engine.examples.slice(0, 3)) expect(text).toContain(escaped(q));
    expect(text).toContain('/faq');
    expect(text).toMatch(/Mention <@U0BOT>/);
    expect(text).toMatch(/direct message/);
  });

  it('publishes nothing when the Messages tab is opened', async () => {
    await t.app.processEvent({ body: eventEnvelope(appHomeOpenedEvent({ tab: 'messages' })), ack: async () => undefined });
    expect(t.api.apiCalls).toEqual([]);
  });

  it('shows what the engine knows now: a reloaded engine is used without a restart', async () => {
    let current: Engine = t.engine;
    await t.restart({ getEngine: () => current });
    current = { ...t.engine, articles: [{ source: 'new.txt', title: 'A <Brand> New & Different Article' }] };
    await t.app.processEvent({ body: eventEnvelope(appHomeOpenedEvent()), ack: async () => undefined });
    const [publish] = t.api.calls('views.publish');
    expect(blockText((publish?.params.view as { blocks?: unknown[] }).blocks)).toContain('A &lt;Brand&gt; New &amp; Different Article');
  });
});
