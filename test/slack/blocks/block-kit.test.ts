import { describe, expect, it } from 'vitest';
import { button, cleanText, escapeMrkdwn, safeUrl, section, truncate, truncateMrkdwn } from '../../../src/slack/blocks/block-kit.ts';

describe('escapeMrkdwn', () => {
  it('escapes the three markup characters, & first', () => {
    expect(escapeMrkdwn('<!channel> & <@U1> > 3')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt; &gt; 3');
    expect(escapeMrkdwn('&amp;')).toBe('&amp;amp;');
  });
});

describe('truncateMrkdwn', () => {
  it('never leaves half an entity', () => {
    const escaped = escapeMrkdwn('a'.repeat(10) + '&'.repeat(20));
    for (let max = 2; max < escaped.length; max += 1) {
      const cut = truncateMrkdwn(escaped, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.replace(/…$/, '')).toMatch(/^a*(?:&amp;)*$/);
    }
  });

  it('leaves text within the limit alone', () => {
    expect(truncateMrkdwn('a &lt; b', 100)).toBe('a &lt; b');
  });
});

describe('truncate', () => {
  it('never splits a surrogate pair', () => {
    const text = '😀'.repeat(50);
    for (let max = 1; max < 100; max += 1) {
      const cut = truncate(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
  });
});

describe('cleanText', () => {
  it('replaces lone surrogates and drops control characters, keeping tabs and newlines', () => {
    expect(cleanText('a\uD800b\u0000c\td\r\ne\u001Bf')).toBe('a\uFFFDbc\td\nef');
  });
});

describe('blocks', () => {
  it('a section is never empty and never over 3,000 characters', () => {
    expect(section('  ')).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '…' } });
    const long = section(escapeMrkdwn('<'.repeat(5000)));
    expect((long as { text: { text: string } }).text.text.length).toBeLessThanOrEqual(3000);
  });

  it('a button label is cut to 75 characters, and an oversized value is refused', () => {
    expect(button('x'.repeat(200), 'id', 'v').text.text.length).toBeLessThanOrEqual(75);
    expect(() => button('ok', 'id', 'v'.repeat(2001))).toThrow(RangeError);
  });
});

describe('safeUrl', () => {
  it('keeps http(s) links, encoding what would end a Slack link early', () => {
    expect(safeUrl('https://example.com/a?b=1&c=2|x>y')).toBe('https://example.com/a?b=1&amp;c=2%7Cx%3Ey');
  });
  it.each([undefined, '', 'javascript:alert(1)', 'ftp://x', 'https://a b', `https://x/${'a'.repeat(2000)}`])('drops %j', (url) => {
    expect(safeUrl(url)).toBeNull();
  });
});
