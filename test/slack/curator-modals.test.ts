import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.ts';
import { CurationError } from '../../src/errors.ts';
import { loadEngine } from '../../src/load-engine.ts';
import { blockText, quotedMrkdwn } from '../helpers/blocks.ts';
import { FakeCurationService, suggestion } from '../helpers/fake-curation-service.ts';
import { SIGNING_SECRET, startHttpTestApp, type HttpTestApp } from '../helpers/http-test-app.ts';
import { chose, typed, viewBlockAction, viewSubmission } from '../helpers/slack-payloads.ts';
import { postPayload } from '../helpers/signed-requests.ts';
import { settle } from '../helpers/wait-for.ts';
import { viewProblems } from '../property/block-kit-rules.ts';

const CURATOR = 'U0CURATOR';
const NOW = 1_800_000_000_000;

interface OpenedView {
  type: string;
  callback_id: string;
  private_metadata?: string;
  submit?: unknown;
  blocks: Array<{ type: string; block_id?: string; element?: { type: string; options?: Array<{ text: { text: string }; value: string }>; initial_value?: string; initial_option?: { value: string } } }>;
}

let engine: Engine;
let service: FakeCurationService;
let t: HttpTestApp;
const miss = () => service.suggestions[0]!;

beforeAll(async () => {
  engine = await loadEngine('seeds');
});
beforeEach(async () => {
  service = new FakeCurationService();
  service.suggestions = [suggestion({ question: 'who made <openstack> & why', count: 3 })];
  service.entries = [
    { id: 'who-founded-openstack', question: 'Who founded OpenStack?' },
    { id: 'what-is-hyper-v', question: 'What is Hyper-V?' },
  ];
  service.passages = [
    { source: engine.articles[0]!.source, paragraph: 2, quote: 'OpenStack was founded by hosting services provider Rackspace using code developed by NASA & <others>.' },
    { source: engine.articles[0]!.source, paragraph: 5, quote: 'A second passage.' },
  ];
  t = await startHttpTestApp({ getEngine: () => engine, curators: [CURATOR], curation: { curation: service, now: () => NOW } });
});
afterEach(async () => {
  await t.stop();
});

/** Clicks one of the inbox's buttons in App Home and returns the modal views.open was given. */
async function click(actionId: string, user = CURATOR, value = miss().id) {
  const payload = viewBlockAction({ actionId, value, user });
  const res = await postPayload(t.url, SIGNING_SECRET, payload);
  expect(res.status).toBe(200);
  return payload;
}

async function openedModal(actionId: string): Promise<{ view: OpenedView; trigger: unknown }> {
  const payload = await click(actionId);
  const [open] = await t.api.waitForCalls('views.open');
  expect(open?.params.trigger_id).toBe(payload.trigger_id);
  const view = open?.params.view as OpenedView;
  expect(viewProblems(view)).toEqual([]);
  return { view, trigger: payload.trigger_id };
}

function submit(view: OpenedView, values: Parameters<typeof viewSubmission>[0]['values'], user = CURATOR) {
  return postPayload(t.url, SIGNING_SECRET, viewSubmission({ callbackId: view.callback_id, privateMetadata: view.private_metadata ?? '', values, user, blocks: view.blocks }));
}

function field(view: OpenedView, blockId: string) {
  return view.blocks.find((b) => b.block_id === blockId)?.element;
}

describe('"Add as a phrasing of…"', () => {
  it('opens a modal with the question (editable) and the entries, likeliest first', async () => {
    const { view } = await openedModal('faq_curate_phrasing');
    expect(view.type).toBe('modal');
    expect(blockText(view.blocks)).toContain('*“who made &lt;openstack&gt; &amp; why”*\nNot answered · asked 3 times');
    expect(field(view, 'faq_cur_question')?.initial_value).toBe('who made <openstack> & why');
    expect(field(view, 'faq_cur_entry')?.options?.map((o) => [o.value, o.text.text])).toEqual([
      ['who-founded-openstack', 'Who founded OpenStack?'],
      ['what-is-hyper-v', 'What is Hyper-V?'],
    ]);
    expect(service.likelyCalls).toEqual([{ question: 'who made <openstack> & why', limit: 100 }]);
  });

  it('submitted: the phrasing is added by this curator at this time, the modal closes and the Home is refreshed', async () => {
    const id = miss().id;
    const { view } = await openedModal('faq_curate_phrasing');
    const res = await submit(view, { faq_cur_question: { question: typed(' who made <openstack> & why ') }, faq_cur_entry: { entry: chose('who-founded-openstack') } });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(service.accepted).toEqual([{ suggestionId: id, question: 'who made <openstack> & why', entryId: 'who-founded-openstack', by: CURATOR, at: NOW }]);
    const [publish] = await t.api.waitForCalls('views.publish');
    expect(publish?.params.user_id).toBe(CURATOR);
    // The suggestion was accepted: the refreshed inbox no longer shows it.
    expect(blockText((publish?.params.view as OpenedView).blocks)).toContain('Nothing to review');
  });

  it('without an entry chosen, the modal stays open with the problem under the menu', async () => {
    const { view } = await openedModal('faq_curate_phrasing');
    const res = await submit(view, { faq_cur_question: { question: typed('who made openstack') }, faq_cur_entry: { entry: chose(null) } });
    expect(JSON.parse(res.body)).toEqual({ response_action: 'errors', errors: { faq_cur_entry: 'Choose the entry that answers it.' } });
    expect(service.accepted).toEqual([]);
  });

  it("the service's refusal (an entry removed meanwhile) is shown under the menu, in its own words", async () => {
    const { view } = await openedModal('faq_curate_phrasing');
    service.failNext = new CurationError('There is no entry "who-founded-openstack" any more: choose another.');
    const res = await submit(view, { faq_cur_question: { question: typed('who made openstack') }, faq_cur_entry: { entry: chose('who-founded-openstack') } });
    expect(JSON.parse(res.body)).toEqual({ response_action: 'errors', errors: { faq_cur_entry: 'There is no entry "who-founded-openstack" any more: choose another.' } });
  });

  it('a failure of ours is an apology in the modal, never a stack trace; it is logged', async () => {
    const { view } = await openedModal('faq_curate_phrasing');
    service.failNext = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    const res = await submit(view, { faq_cur_question: { question: typed('who made openstack') }, faq_cur_entry: { entry: chose('what-is-hyper-v') } });
    const body = JSON.parse(res.body) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors['faq_cur_entry']).toMatch(/^Sorry, that could not be saved just now.*Nothing was changed/);
    expect(res.body).not.toMatch(/ECONNREFUSED|at .*\.ts/);
    expect(t.logger.find('error', /adding a phrasing failed/)).toHaveLength(1);
  });

  it('a suggestion handled meanwhile opens a notice instead, and refreshes the Home', async () => {
    await click('faq_curate_phrasing', CURATOR, 'gone');
    const [open] = await t.api.waitForCalls('views.open');
    const view = open?.params.view as OpenedView;
    expect(view.submit).toBeUndefined();
    expect(blockText(view.blocks)).toContain('no longer open');
    await t.api.waitForCalls('views.publish');
  });
});

describe('"New entry…"', () => {
  it('shows each candidate passage whole, word for word, and a menu naming them by number', async () => {
    const { view } = await openedModal('faq_curate_new_entry');
    const text = blockText(view.blocks);
    for (const p of service.passages) expect(text).toContain(quotedMrkdwn(p.quote));
    expect(field(view, 'faq_cur_citation')?.options?.map((o) => o.value)).toEqual(['0', '1']);
    const label = field(view, 'faq_cur_citation')?.options?.[0]?.text.text ?? '';
    expect(label.length).toBeLessThanOrEqual(75);
    expect(`1. Paragraph 2 · ${engine.articles[0]!.title}`.startsWith(label.replace(/…$/, ''))).toBe(true);
    expect(field(view, 'faq_cur_question')?.initial_value).toBe('who made <openstack> & why');
  });

  it('submitted: the entry cites the chosen passage exactly as shown, by this curator at this time', async () => {
    const id = miss().id;
    const { view } = await openedModal('faq_curate_new_entry');
    const res = await submit(view, {
      faq_cur_question: { question: typed('Who made OpenStack?') },
      faq_cur_answer: { answer: typed('Rackspace, with NASA code.') },
      faq_cur_citation: { citation: chose('0') },
    });
    expect(res.body).toBe('');
    expect(service.added).toEqual([
      {
        suggestionId: id,
        question: 'Who made OpenStack?',
        answer: 'Rackspace, with NASA code.',
        citations: [{ source: engine.articles[0]!.source, quote: 'OpenStack was founded by hosting services provider Rackspace using code developed by NASA & <others>.' }],
        by: CURATOR,
        at: NOW,
      },
    ]);
    await t.api.waitForCalls('views.publish');
  });

  it('an empty answer and no citation are both said at once; nothing is saved', async () => {
    const { view } = await openedModal('faq_curate_new_entry');
    const res = await submit(view, { faq_cur_question: { question: typed('Who made OpenStack?') }, faq_cur_answer: { answer: typed('  ') }, faq_cur_citation: { citation: chose(null) } });
    expect(JSON.parse(res.body)).toEqual({
      response_action: 'errors',
      errors: { faq_cur_answer: 'Write a short answer, in your own words.', faq_cur_citation: 'Choose the passage that supports the answer.' },
    });
    expect(service.added).toEqual([]);
  });

  it('a quote the service cannot find verbatim is refused under the citation menu', async () => {
    const { view } = await openedModal('faq_curate_new_entry');
    service.failNext = new CurationError('The quote is not found word for word in its article.');
    const res = await submit(view, { faq_cur_question: { question: typed('Q?') }, faq_cur_answer: { answer: typed('A.') }, faq_cur_citation: { citation: chose('1') } });
    expect(JSON.parse(res.body)).toEqual({ response_action: 'errors', errors: { faq_cur_citation: 'The quote is not found word for word in its article.' } });
  });

  it('with no passage to cite, the modal says so and has nothing to submit', async () => {
    service.passages = [];
    const { view } = await openedModal('faq_curate_new_entry');
    expect(view.submit).toBeUndefined();
    expect(blockText(view.blocks)).toContain('No passage of the articles matches this question well enough to cite');
  });
});

describe('Dismiss', () => {
  it('dismisses the suggestion as this curator at this time and refreshes the Home', async () => {
    const id = miss().id;
    await click('faq_curate_dismiss');
    const [publish] = await t.api.waitForCalls('views.publish');
    expect(service.dismissed).toEqual([{ suggestionId: id, by: CURATOR, at: NOW }]);
    expect(blockText((publish?.params.view as OpenedView).blocks)).toContain('Nothing to review');
  });
});

describe('a store that does not answer under a click', () => {
  it('says so in a modal, changes nothing, and is logged', async () => {
    service.failReads = new Error('connect ECONNREFUSED');
    await click('faq_curate_phrasing');
    service.failNext = new Error('connect ECONNREFUSED');
    await click('faq_curate_dismiss');
    const opened = await t.api.waitForCalls('views.open', 2);
    for (const open of opened) {
      const view = open.params.view as OpenedView;
      expect(view.submit).toBeUndefined();
      expect(blockText(view.blocks)).toContain("the inbox can't be changed just now");
      expect(JSON.stringify(view)).not.toContain('ECONNREFUSED');
    }
    expect(service.dismissed).toEqual([]);
    expect(t.logger.find('error', /failed/)).toHaveLength(2);
  });
});

describe('someone who is not a curator', () => {
  it('clicking (a forged request: they have no buttons) opens nothing, changes nothing, and is logged', async () => {
    for (const action of ['faq_curate_phrasing', 'faq_curate_new_entry', 'faq_curate_dismiss']) {
      const res = await postPayload(t.url, SIGNING_SECRET, viewBlockAction({ actionId: action, value: miss().id, user: 'U0MALLORY' }));
      expect(res.status).toBe(200);
    }
    await settle();
    expect(t.api.calls('views.open')).toEqual([]);
    expect(t.api.calls('views.publish')).toEqual([]);
    expect(service.dismissed).toEqual([]);
    expect(t.logger.find('warn', /refused a curator action/).map((l) => l.fields['user'])).toEqual(['U0MALLORY', 'U0MALLORY', 'U0MALLORY']);
  });

  it('submitting a copied modal is refused in the modal, changes nothing, and is logged', async () => {
    const { view } = await openedModal('faq_curate_phrasing');
    const res = await submit(view, { faq_cur_question: { question: typed('who made openstack') }, faq_cur_entry: { entry: chose('what-is-hyper-v') } }, 'U0MALLORY');
    expect(JSON.parse(res.body)).toEqual({
      response_action: 'errors',
      errors: { faq_cur_question: 'Only curators (FAQBOT_CURATORS) can change what faqbot knows; nothing was changed.' },
    });
    const entry = await postPayload(
      t.url,
      SIGNING_SECRET,
      viewSubmission({
        callbackId: 'faq_curate_new_entry_view',
        privateMetadata: JSON.stringify({ s: miss().id, p: [['x.txt', 'anything']] }),
        values: { faq_cur_question: { question: typed('Q?') }, faq_cur_answer: { answer: typed('A.') }, faq_cur_citation: { citation: chose('0') } },
        user: 'U0MALLORY',
      }),
    );
    expect(JSON.parse(entry.body)).toMatchObject({ response_action: 'errors' });
    expect(service.accepted).toEqual([]);
    expect(service.added).toEqual([]);
    expect(t.logger.find('warn', /refused a curator action/).map((l) => l.fields['action'])).toEqual(['submit "Add as a phrasing"', 'submit "New entry"']);
  });
});
