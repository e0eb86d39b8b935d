import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.ts';
import { loadEngine } from '../../src/load-engine.ts';
import { blockText, buttons } from '../helpers/blocks.ts';
import { EMPTY_STATS, FakeCurationService, suggestion } from '../helpers/fake-curation-service.ts';
import { SIGNING_SECRET, startHttpTestApp, type HttpTestApp } from '../helpers/http-test-app.ts';
import { appHomeOpenedEvent, eventEnvelope } from '../helpers/slack-payloads.ts';
import { postJson } from '../helpers/signed-requests.ts';
import { viewProblems } from '../property/block-kit-rules.ts';

const CURATOR = 'U0CURATOR';
const GROUP = 'S0CURATORS';
const NOW = 1_800_000_000_000;

let engine: Engine;
let service: FakeCurationService;
let t: HttpTestApp;
let clock = NOW;

beforeAll(async () => {
  engine = await loadEngine('seeds');
});
beforeEach(async () => {
  service = new FakeCurationService();
  service.suggestions = [suggestion({ question: 'who owns nebula', count: 3 }), suggestion({ question: 'is it free', count: 1 })];
  service.statsValue = { ...EMPTY_STATS, questions: 12, answered: 9, answeredRate: 0.75, topUnanswered: [{ question: 'who owns nebula', count: 3 }] };
  clock = NOW;
  t = await startHttpTestApp({ getEngine: () => engine, curators: [CURATOR, GROUP], curation: { curation: service, now: () => clock } });
});
afterEach(async () => {
  await t.stop();
});

async function openHome(user: string) {
  const before = t.api.calls('views.publish').length;
  const res = await postJson(t.url, SIGNING_SECRET, eventEnvelope(appHomeOpenedEvent({ user })));
  expect(res.status).toBe(200);
  const calls = await t.api.waitForCalls('views.publish', before + 1);
  const publish = calls[calls.length - 1];
  expect(publish?.params.user_id).toBe(user);
  return publish?.params.view as { type: string; blocks: unknown[] };
}

describe('App Home with FAQBOT_CURATORS set', () => {
  it('a curator sees what everyone sees, then the week in figures and the inbox with its buttons', async () => {
    const view = await openHome(CURATOR);
    expect(viewProblems(view)).toEqual([]);
    const text = blockText(view.blocks);
    for (const a of engine.articles) expect(text).toContain(a.title.replace(/&/g, '&amp;'));
    expect(text).toContain('Curator inbox · last 7 days');
    expect(text).toContain('*12* questions · *75%* answered · no votes yet');
    expect(text).toContain('*“who owns nebula”*\nNot answered · asked 3 times');
    expect(text.indexOf('who owns nebula”*')).toBeLessThan(text.indexOf('is it free'));
    expect(buttons(view.blocks).map((b) => b.label)).toEqual(['Add as a phrasing of…', 'New entry…', 'Dismiss', 'Add as a phrasing of…', 'New entry…', 'Dismiss']);
    expect(service.statsCalls).toEqual([{ days: 7, now: NOW }]);
  });

  it('anyone else sees the Home as it was, with nothing of the inbox and no store read', async () => {
    const view = await openHome('U0ALICE');
    const text = blockText(view.blocks);
    expect(text).not.toContain('Curator');
    expect(text).not.toContain('who owns nebula');
    expect(buttons(view.blocks)).toEqual([]);
    expect(service.statsCalls).toEqual([]);
  });

  it("a member of the curators' user group is a curator; the membership is cached for a minute", async () => {
    t.api.replyNext('usergroups.users.list', { users: ['U0BOB', 'U0CAROL'] });
    expect(blockText((await openHome('U0BOB')).blocks)).toContain('Curator inbox');
    expect(t.api.calls('usergroups.users.list')[0]?.params.usergroup).toBe(GROUP);
    clock += 30_000;
    expect(blockText((await openHome('U0CAROL')).blocks)).toContain('Curator inbox');
    expect(t.api.calls('usergroups.users.list')).toHaveLength(1);
    // After the minute, Slack is asked again: Carol has left the group.
    clock += 31_000;
    t.api.replyNext('usergroups.users.list', { users: ['U0BOB'] });
    expect(blockText((await openHome('U0CAROL')).blocks)).not.toContain('Curator inbox');
    expect(t.api.calls('usergroups.users.list')).toHaveLength(2);
  });

  it('when Slack cannot list the group (no usergroups:read), its members are not curators and the reason is logged', async () => {
    t.api.failNext('usergroups.users.list', 200, { ok: false, error: 'missing_scope' });
    expect(blockText((await openHome('U0BOB')).blocks)).not.toContain('Curator inbox');
    expect(t.logger.find('warn', /cannot list the members of user group S0CURATORS/)).toHaveLength(1);
    expect(t.logger.find('warn', /cannot list/)[0]?.fields).toMatchObject({ error: 'missing_scope' });
  });

  it('a store that does not answer costs the inbox only: the Home is still published, saying so', async () => {
    service.failReads = new Error('connection refused');
    const view = await openHome(CURATOR);
    const text = blockText(view.blocks);
    expect(text).toContain("The curator inbox can't be read right now");
    expect(text).toContain(engine.articles[0]?.title.replace(/&/g, '&amp;'));
    expect(text).not.toContain('connection refused');
    expect(t.logger.find('error', /reading the curator inbox failed/)).toHaveLength(1);
  });
});
