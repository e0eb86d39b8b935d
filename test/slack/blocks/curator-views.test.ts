import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntryChoice, PassageChoice, Stats, Suggestion } from '../../../src/curate/curation-service.ts';
import { readEntryMetadata, renderEntryModal } from '../../../src/slack/blocks/render-entry-modal.ts';
import { renderCuratorHome } from '../../../src/slack/blocks/render-curator-home.ts';
import { readPhrasingMetadata, renderPhrasingModal } from '../../../src/slack/blocks/render-phrasing-modal.ts';
import { blockText, buttons, quotedMrkdwn } from '../../helpers/blocks.ts';
import { EMPTY_STATS, suggestion } from '../../helpers/fake-curation-service.ts';
import { hostileText } from '../../property/arbitraries.ts';
import { viewProblems } from '../../property/block-kit-rules.ts';

const articles = fc.array(fc.record({ source: fc.string({ minLength: 1, maxLength: 40 }), title: hostileText(400) }), { maxLength: 80 });
const source = fc.record({ articles, examples: fc.array(hostileText(300), { maxLength: 10 }) });

const suggestionArb: fc.Arbitrary<Suggestion> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 64 }),
  kind: fc.constantFrom('unanswered' as const, 'not_helpful' as const, 'picked' as const),
  question: hostileText(4000),
  count: fc.nat({ max: 1_000_000 }),
  entryId: fc.option(fc.string({ minLength: 1, maxLength: 200 })),
  answered: fc.record({
    status: fc.constantFrom('answered' as const, 'ambiguous' as const, 'unknown' as const, 'failed' as const, null),
    entryId: fc.option(fc.string({ maxLength: 200 })),
    entryQuestion: fc.option(hostileText(1000)),
  }),
  lastAskedAt: fc.nat(),
});

const count = fc.nat({ max: 100_000 });
const statsArb: fc.Arbitrary<Stats> = fc.record({
  days: fc.constant(7),
  questions: count,
  answered: count,
  ambiguous: count,
  unknown: count,
  failed: count,
  helpful: count,
  notHelpful: count,
  answeredRate: fc.double({ min: 0, max: 1, noNaN: true }),
  helpfulRate: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
  medianLatencyMs: fc.option(fc.nat()),
  p99LatencyMs: fc.option(fc.nat()),
  topEntries: fc.array(fc.record({ entryId: fc.string(), question: fc.option(hostileText(300)), count: fc.nat() }), { maxLength: 10 }),
  topUnanswered: fc.array(fc.record({ question: hostileText(2000), count: fc.nat() }), { maxLength: 20 }),
});

// Entry ids come from faq.yml and curators: mostly slugs, some too long for a menu's 150-character value.
const entriesArb: fc.Arbitrary<EntryChoice[]> = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 200 }), question: hostileText(600) }), {
  maxLength: 160,
  selector: (e) => e.id,
});
// Quotes are article text: trimmed, printable, but full of what mrkdwn must escape, and of any length.
const ARTICLE_PIECES = ['OpenStack', 'was founded', 'by', 'Rackspace', '<NASA>', 'AT&T', '&amp;', '>', '*bold*', '“', '”', 'é', '😀', '漢字', ' ', ' ', '\n', '.'];
const quoteArb = fc
  .oneof(fc.array(fc.constantFrom(...ARTICLE_PIECES), { minLength: 1, maxLength: 60 }).map((p) => p.join(' ')), fc.string({ minLength: 1, maxLength: 3500 }).map((q) => q.replace(/[^ -~]/g, 'x')))
  .map((q) => q.trim())
  .filter((q) => q !== '');
const passagesArb: fc.Arbitrary<PassageChoice[]> = fc.array(fc.record({ source: fc.string({ minLength: 1, maxLength: 60 }), paragraph: fc.nat({ max: 500 }), quote: quoteArb }), { maxLength: 12 });

describe('curator views stay within Block Kit limits, whatever goes into them', () => {
  it('App Home for a curator: at most 100 blocks, every field within its limit, text escaped', () => {
    fc.assert(
      fc.property(source, fc.option(fc.record({ stats: statsArb, suggestions: fc.array(suggestionArb, { maxLength: 120 }) })), fc.option(fc.constantFrom('U0BOT')), (src, curator, bot) => {
        const view = renderCuratorHome(src, bot ?? undefined, curator);
        expect(viewProblems(view)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('"Add as a phrasing of…": title, buttons, at most 100 options of 75 characters, metadata under 3,000', () => {
    fc.assert(
      fc.property(suggestionArb, entriesArb, (s, entries) => {
        const view = renderPhrasingModal(s, entries);
        expect(viewProblems(view)).toEqual([]);
        // With no entry to offer there is nothing to submit (a notice says to use "New entry…").
        if (entries.some((e) => e.id.length <= 150)) expect(readPhrasingMetadata(view.private_metadata)).toEqual({ suggestionId: s.id });
        else expect(view.submit).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('"New entry…": every passage offered is shown whole and travels whole in private_metadata', () => {
    fc.assert(
      fc.property(suggestionArb, passagesArb, source, (s, passages, src) => {
        const view = renderEntryModal(s, passages, src);
        expect(viewProblems(view)).toEqual([]);
        const metadata = readEntryMetadata(view.private_metadata);
        if (view.submit === undefined) return;
        expect(metadata?.suggestionId).toBe(s.id);
        const offered = metadata?.passages ?? [];
        expect(offered.length).toBeGreaterThan(0);
        const text = blockText(view.blocks);
        for (const p of offered) {
          // Verbatim: the very quote a candidate had, and shown uncut.
          expect(passages.some((c) => c.source === p.source && c.quote === p.quote)).toBe(true);
          expect(text).toContain(quotedMrkdwn(p.quote));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the curator inbox in App Home', () => {
  const src = { articles: [{ source: 'a.txt', title: 'An article' }], examples: ['What is OpenStack?'] };

  it('shows the week in figures, then each suggestion with how often, what the bot said and three buttons', () => {
    const stats: Stats = { ...EMPTY_STATS, questions: 40, answered: 30, answeredRate: 0.75, helpful: 3, notHelpful: 1, helpfulRate: 0.75, topUnanswered: [{ question: 'who owns <Nebula> & co', count: 4 }] };
    const first = suggestion({ question: 'who owns <Nebula> & co', count: 4 });
    const second = suggestion({ kind: 'picked', question: 'hyperv deal', count: 2, entryId: 'hyper-v', answered: { status: 'ambiguous', entryId: null, entryQuestion: null } });
    const view = renderCuratorHome(src, 'U0BOT', { stats, suggestions: [first, second] });
    const text = blockText(view.blocks);
    expect(text).toContain('*40* questions · *75%* answered · *75%* helpful (4 votes)');
    expect(text).toContain('who owns &lt;Nebula&gt; &amp; co” (4×)');
    expect(text).toContain("*“who owns &lt;Nebula&gt; &amp; co”*\nNot answered · asked 4 times · the bot said it didn't know");
    expect(text).toContain('*“hyperv deal”*\nPicked from “Did you mean” · picked by 2 people · the bot asked “Did you mean…”');
    expect(text.indexOf('who owns &lt;Nebula')).toBeLessThan(text.indexOf('hyperv deal'));
    expect(buttons(view.blocks).map((b) => [b.label, b.value])).toEqual([
      ['Add as a phrasing of…', first.id],
      ['New entry…', first.id],
      ['Dismiss', first.id],
      ['Add as a phrasing of…', second.id],
      ['New entry…', second.id],
      ['Dismiss', second.id],
    ]);
    // What everyone sees comes first, unchanged.
    expect(text).toContain('An article');
  });

  it('shows as many suggestions as fit and says how many more there are', () => {
    const many = Array.from({ length: 80 }, (_, i) => suggestion({ question: `question number ${i}` }));
    const view = renderCuratorHome(src, 'U0BOT', { stats: EMPTY_STATS, suggestions: many });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const shown = buttons(view.blocks).filter((b) => b.label === 'Dismiss').length;
    expect(shown).toBeGreaterThan(10);
    expect(blockText(view.blocks)).toContain(`…and ${80 - shown} more: \`npx faqbot curate list\``);
  });

  it('says when the inbox cannot be read, and still shows what everyone sees', () => {
    const view = renderCuratorHome(src, 'U0BOT', null);
    const text = blockText(view.blocks);
    expect(text).toContain("can't be read right now");
    expect(text).toContain('An article');
    expect(buttons(view.blocks)).toEqual([]);
  });
});
