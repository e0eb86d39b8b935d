import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../../src/answer/types.ts';
import { acknowledgeFeedback, renderAnswer } from '../../../src/slack/blocks/render-answer.ts';
import { renderHome, renderHowTo, renderNotice, renderUsage } from '../../../src/slack/blocks/render-help.ts';
import type { SlackMessage } from '../../../src/slack/blocks/block-kit.ts';
import { decodeAnswerRef } from '../../../src/slack/blocks/action-values.ts';
import { blockText, buttons, quotedMrkdwn } from '../../helpers/blocks.ts';

const citation = (over: Partial<Citation> = {}): Citation => ({
  source: '003.txt',
  title: 'Hyper-V To Be Integrated in OpenStack',
  quote: 'OpenStack was founded by hosting services provider Rackspace using code developed by NASA.',
  paragraph: 2,
  ...over,
});

const answered = (over: Partial<Answer> = {}): Answer => ({
  question: 'Who founded OpenStack?',
  status: 'answered',
  answer: 'Rackspace & NASA founded it.',
  citations: [citation()],
  suggestions: [],
  score: 0.9,
  entryId: 'who-founded-openstack',
  ...over,
});

const ambiguous = (over: Partial<Answer> = {}): Answer => ({
  question: 'microsoft',
  status: 'ambiguous',
  answer: null,
  citations: [],
  suggestions: [
    { question: 'Is Microsoft joining OpenStack?', entryId: 'microsoft-joins-openstack' },
    { question: 'Why is Microsoft doing this deal?', entryId: 'why-microsoft' },
  ],
  score: 0.5,
  entryId: null,
  ...over,
});

const unknown = (over: Partial<Answer> = {}): Answer => ({
  question: 'How do I bake bread?',
  status: 'unknown',
  answer: null,
  citations: [],
  suggestions: [],
  score: 0.1,
  entryId: null,
  ...over,
});

const help = {
  articles: [
    { source: '000.txt', title: 'Microsoft Joins OpenStack' },
    { source: '003.txt', title: 'Hyper-V <To Be> Integrated & More' },
  ],
  examples: ['Is Microsoft joining OpenStack?', 'Who founded <OpenStack>?', 'What is Hyper-V?', 'A fourth one?'],
};

/**
 * Checks a message against Block Kit's limits and faqbot's escaping rule, independently of the
 * renderer: every mrkdwn text, once our own mentions, links and block-quote markers are removed,
 * has no `<` or `>` left, and every `&` starts one of the three entities.
 */
function assertValidMessage(message: SlackMessage | { blocks: unknown[] }, maxBlocks = 50): void {
  const blocks = message.blocks as Array<Record<string, any>>;
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  if ('text' in message) {
    expect(message.text.length).toBeGreaterThan(0);
    expect(message.text.length).toBeLessThanOrEqual(3000);
    assertEscaped(message.text);
  }
  const blockIds = blocks.map((b) => b.block_id).filter((id) => id !== undefined);
  expect(new Set(blockIds).size).toBe(blockIds.length);
  for (const b of blocks) {
    if (b.block_id !== undefined) expect(b.block_id.length).toBeLessThanOrEqual(255);
    if (b.type === 'section') {
      expect(b.text.text.length).toBeGreaterThan(0);
      expect(b.text.text.length).toBeLessThanOrEqual(3000);
      assertEscaped(b.text.text);
    } else if (b.type === 'context') {
      expect(b.elements.length).toBeLessThanOrEqual(10);
      for (const e of b.elements) {
        expect(e.text.length).toBeGreaterThan(0);
        expect(e.text.length).toBeLessThanOrEqual(3000);
        assertEscaped(e.text);
      }
    } else if (b.type === 'header') {
      expect(b.text.type).toBe('plain_text');
      expect(b.text.text.length).toBeLessThanOrEqual(150);
    } else if (b.type === 'actions') {
      expect(b.elements.length).toBeGreaterThan(0);
      expect(b.elements.length).toBeLessThanOrEqual(25);
      const ids = b.elements.map((e: any) => e.action_id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const e of b.elements) {
        expect(e.text.type).toBe('plain_text');
        expect(e.text.text.length).toBeGreaterThan(0);
        expect(e.text.text.length).toBeLessThanOrEqual(75);
        expect(e.action_id.length).toBeLessThanOrEqual(255);
        expect(e.value.length).toBeLessThanOrEqual(2000);
      }
    } else {
      expect(b.type).toBe('divider');
    }
  }
}

function assertEscaped(mrkdwn: string): void {
  const stripped = mrkdwn
    .replace(/<@[UW][A-Z0-9]+>/g, '')
    .replace(/<https?:\/\/[^\s|<>]+\|[^<>]*>/g, '')
    .replace(/^>/gm, '');
  expect(stripped).not.toMatch(/[<>]/);
  expect(stripped).not.toMatch(/&(?!amp;|lt;|gt;)/);
  expect(stripped).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
}

describe('an answered question', () => {
  it('gives the answer, then each quote as a block quote with title and paragraph, then feedback buttons', () => {
    const message = renderAnswer(answered({ citations: [citation(), citation({ quote: 'Line one\nLine <two>', paragraph: 5, title: 'B & C' })] }));
    assertValidMessage(message);
    const text = blockText(message.blocks);
    expect(text).toContain('Rackspace &amp; NASA founded it.');
    expect(text).toContain(`${quotedMrkdwn(citation().quote)}\n— Hyper-V To Be Integrated in OpenStack, paragraph 2`);
    expect(text).toContain('>Line one\n>Line &lt;two&gt;\n— B &amp; C, paragraph 5');
    expect(buttons(message.blocks).map((b) => [b.label, b.actionId])).toEqual([
      ['Helpful', 'faq_feedback_helpful'],
      ['Not helpful', 'faq_feedback_not_helpful'],
    ]);
    expect(decodeAnswerRef(buttons(message.blocks)[0]?.value)).toEqual({ entryId: 'who-founded-openstack', question: 'Who founded OpenStack?' });
    expect(message.text).toContain('Rackspace &amp; NASA founded it.');
    expect(message.text).toContain('paragraph 2');
  });

  it('about an article itself (who wrote it), names the credits it comes from and quotes nothing', () => {
    const message = renderAnswer(answered({ answer: 'Kurt Mackie, senior news producer.', citations: [], about: { source: '003.txt', title: 'Hyper-V & OpenStack' } }));
    assertValidMessage(message);
    const text = blockText(message.blocks);
    expect(text).toContain('Kurt Mackie, senior news producer.');
    expect(text).toContain('from the credits of _Hyper-V &amp; OpenStack_');
    expect(text).not.toMatch(/^>/m);
    expect(message.text).toContain('From the credits of Hyper-V &amp; OpenStack');
  });

  it('links the title when the citation has a url, and shows the date', () => {
    const message = renderAnswer(answered({ citations: [citation({ url: 'https://news.example/a?x=1&y=2', date: '2011-10-22' })] }));
    expect(blockText(message.blocks)).toContain('— <https://news.example/a?x=1&amp;y=2|Hyper-V To Be Integrated in OpenStack>, paragraph 2 · 2011-10-22');
    assertValidMessage(message);
  });

  it('does not link a url that is not http(s)', () => {
    const message = renderAnswer(answered({ citations: [citation({ url: 'javascript:alert(1)' })] }));
    expect(blockText(message.blocks)).not.toContain('javascript');
  });

  it('as a private /faq answer, shows the question back and offers Share in channel', () => {
    const message = renderAnswer(answered({ question: 'Who <founded> it?' }), { private: true });
    expect(blockText(message.blocks)).toContain('You asked: *Who &lt;founded&gt; it?*');
    expect(buttons(message.blocks).map((b) => b.label)).toEqual(['Share in channel', 'Helpful', 'Not helpful']);
    assertValidMessage(message);
  });

  it('shared, is headed "<@user> asked: …"; a user id that is not one is escaped, not linked', () => {
    expect(blockText(renderAnswer(answered(), { askedBy: 'U0ALICE' }).blocks)).toContain('<@U0ALICE> asked: *Who founded OpenStack?*');
    expect(blockText(renderAnswer(answered(), { askedBy: '<!channel>' }).blocks)).toContain('&lt;!channel&gt; asked');
  });

  it('with feedback given, shows a thank-you instead of the buttons', () => {
    const message = renderAnswer(answered(), { private: true, feedback: { verdict: 'not_helpful', user: 'U0BOB' } });
    expect(buttons(message.blocks).map((b) => b.label)).toEqual(['Share in channel']);
    expect(blockText(message.blocks)).toContain('Thanks for the feedback, <@U0BOB>: marked as not helpful.');
  });
});

describe('an ambiguous question', () => {
  it('offers "Did you mean…" buttons carrying the entry and the original question', () => {
    const message = renderAnswer(ambiguous());
    assertValidMessage(message);
    expect(blockText(message.blocks)).toMatch(/Did you mean/);
    const choices = buttons(message.blocks).filter((b) => b.blockId === 'faq_choices');
    expect(choices.map((b) => b.label)).toEqual(['Is Microsoft joining OpenStack?', 'Why is Microsoft doing this deal?']);
    expect(choices.map((b) => decodeAnswerRef(b.value))).toEqual([
      { entryId: 'microsoft-joins-openstack', question: 'microsoft' },
      { entryId: 'why-microsoft', question: 'microsoft' },
    ]);
    expect(message.text).toContain('Did you mean');
  });

  it('with no suggestions at all, still renders valid blocks (no empty actions block)', () => {
    const message = renderAnswer(ambiguous({ suggestions: [] }), { examples: help.examples });
    assertValidMessage(message);
  });
});

describe('an unknown question', () => {
  it('says so plainly and offers three example questions, clickable when they have entries', () => {
    const message = renderAnswer(
      unknown({ suggestions: [{ question: 'Q1?', entryId: 'e1' }, { question: 'Q2 <b>?', entryId: 'e2' }, { question: 'Q3?', entryId: 'e3' }, { question: 'Q4?', entryId: 'e4' }] }),
    );
    assertValidMessage(message);
    const text = blockText(message.blocks);
    expect(text).toContain("Sorry, I don't know the answer to “How do I bake bread?”");
    expect(text).toContain('• Q2 &lt;b&gt;?');
    expect(text).not.toContain('Q4');
    const examples = buttons(message.blocks).filter((b) => b.blockId === 'faq_choices');
    expect(examples.map((b) => decodeAnswerRef(b.value))).toEqual([
      { entryId: 'e1', question: 'Q1?' },
      { entryId: 'e2', question: 'Q2 <b>?' },
      { entryId: 'e3', question: 'Q3?' },
    ]);
  });

  it("falls back to the engine's examples when the answer carries none", () => {
    const message = renderAnswer(unknown(), { examples: help.examples });
    expect(blockText(message.blocks)).toContain('• Who founded &lt;OpenStack&gt;?');
    expect(blockText(message.blocks)).not.toContain('A fourth one?');
    expect(buttons(message.blocks).filter((b) => b.blockId === 'faq_choices')).toEqual([]);
    assertValidMessage(message);
  });
});

describe('Block Kit limits whatever the input', () => {
  const huge = '&<>'.repeat(14_000);

  it('holds for 40,000-character answers, quotes, titles, urls and questions', () => {
    const message = renderAnswer(
      answered({
        question: huge,
        answer: huge,
        citations: Array.from({ length: 100 }, (_, i) => citation({ quote: huge, title: huge, url: `https://x.example/${'a'.repeat(900)}`, date: huge, paragraph: i })),
        entryId: 'x'.repeat(3000),
      }),
      { private: true, askedBy: 'U0ALICE' },
    );
    assertValidMessage(message);
    // The feedback buttons survive the cut.
    expect(buttons(message.blocks).some((b) => b.label === 'Helpful')).toBe(true);
  });

  it('holds for huge suggestion lists and labels', () => {
    const suggestions = Array.from({ length: 200 }, (_, i) => ({ question: `${huge}${i}`, entryId: `e${i}`.repeat(100) }));
    assertValidMessage(renderAnswer(ambiguous({ question: huge, suggestions })));
    assertValidMessage(renderAnswer(unknown({ question: huge, suggestions })));
  });

  it('holds for any strings (property)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 5000 });
    fc.assert(
      fc.property(
        text,
        text,
        fc.array(fc.record({ quote: text, title: text, url: fc.option(fc.webUrl(), { nil: undefined }), date: fc.option(text, { nil: undefined }), paragraph: fc.integer() }), { maxLength: 6 }),
        fc.array(fc.record({ question: text, entryId: text }), { maxLength: 6 }),
        fc.constantFrom('answered', 'ambiguous', 'unknown') as fc.Arbitrary<Answer['status']>,
        (question, short, cites, suggestions, status) => {
          const citations = cites.map(({ url, date, ...c }) => citation({ ...c, ...(url !== undefined ? { url } : {}), ...(date !== undefined ? { date } : {}) }));
          const answer: Answer = { question, status, answer: status === 'answered' ? short : null, citations, suggestions, score: 0.5, entryId: status === 'answered' ? 'e' : null };
          assertValidMessage(renderAnswer(answer, { private: true, examples: [short] }));
          assertValidMessage(renderAnswer(answer, { askedBy: 'U0ALICE' }));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('help texts and App Home', () => {
  it('usage: how to use /faq, example questions and articles, all escaped', () => {
    const message = renderUsage(help, 'U0BOT');
    assertValidMessage(message);
    const text = blockText(message.blocks);
    expect(text).toContain('`/faq &lt;question&gt;`');
    expect(text).toContain('`/faq help`');
    expect(text).toContain('Mention <@U0BOT>');
    expect(text).toContain('• /faq Who founded &lt;OpenStack&gt;?');
    expect(text).toContain('• Hyper-V &lt;To Be&gt; Integrated &amp; More');
  });

  it('how-to for an empty mention names the bot and gives an example', () => {
    const message = renderHowTo(help, 'mention', 'U0BOT');
    assertValidMessage(message);
    expect(blockText(message.blocks)).toContain('`<@U0BOT> Is Microsoft joining OpenStack?`');
  });

  it('App Home lists the articles, examples and the ways to ask', () => {
    const view = renderHome(help, 'U0BOT');
    expect(view.type).toBe('home');
    assertValidMessage({ blocks: view.blocks }, 100);
    const text = blockText(view.blocks);
    expect(text).toContain('Articles I know (2)');
    expect(text).toContain('• Hyper-V &lt;To Be&gt; Integrated &amp; More');
    expect(text).toContain('• Who founded &lt;OpenStack&gt;?');
    expect(text).toContain('Messages');
  });

  it('App Home stays within limits with thousands of long titles', () => {
    const many = { articles: Array.from({ length: 5000 }, (_, i) => ({ source: `${i}.txt`, title: `${'&'.repeat(400)} ${i}` })), examples: Array.from({ length: 50 }, () => '<'.repeat(5000)) };
    const view = renderHome(many);
    assertValidMessage({ blocks: view.blocks }, 100);
    expect(blockText(view.blocks)).toContain('more.');
    assertValidMessage(renderUsage(many));
    assertValidMessage(renderHowTo(many, 'dm'));
  });

  it('a notice is escaped too', () => {
    assertValidMessage(renderNotice('a <b> & c'));
  });
});

describe('acknowledgeFeedback', () => {
  it('replaces only the feedback block, keeping what Slack sent back', () => {
    const posted = renderAnswer(answered()).blocks;
    const after = acknowledgeFeedback([...posted, 'junk', null], 'helpful', 'U0BOB');
    expect(after).toHaveLength(posted.length);
    expect(after.slice(0, -1)).toEqual(posted.slice(0, -1));
    expect(buttons(after)).toEqual([]);
    expect(blockText(after)).toContain('Thanks for the feedback, <@U0BOB>: marked as helpful.');
  });
});

describe('unknown with near matches', () => {
  const unknownAnswer = (nearMatches: boolean): Answer => ({
    question: 'Did Microsoft buy Cloud.com?',
    status: 'unknown',
    answer: null,
    citations: [],
    suggestions: [{ question: 'What did Microsoft announce with Cloud.com?', entryId: 'microsoft-cloud-com-partnership' }],
    score: 0.4,
    entryId: null,
    nearMatches,
  });

  it('offers the nearest entries as "Did you mean…" buttons', () => {
    const message = renderAnswer(unknownAnswer(true));
    expect(blockText(message.blocks)).toContain('*Did you mean…*');
    expect(message.text).toBe("Sorry, I don't know the answer to that. Did you mean “What did Microsoft announce with Cloud.com”?");
    expect(buttons(message.blocks).some((b) => b.label === 'What did Microsoft announce with Cloud.com?')).toBe(true);
  });

  it('calls general examples examples', () => {
    expect(blockText(renderAnswer(unknownAnswer(false)).blocks)).toContain('Here are some questions I can answer:');
  });
});
