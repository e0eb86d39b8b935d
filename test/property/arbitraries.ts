import fc from 'fast-check';

/** Pieces of text that break naive code: Slack markup, entities, controls, odd Unicode. */
const PIECES = [
  '<@U123ABC>', '<@W99>', '<#C123|general>', '<!channel>', '<!here>', '<!subteam^S1>', '<http://example.com|label>',
  '<https://evil.example/?a=1&b=2>', '<mailto:a@b.c|mail>', '<', '>', '<<', '>>', '<@', '|', '&', '&amp;', '&lt;', '&gt;',
  '&#60;', ':smile:', ':', '::', '*bold*', '_it_', '~s~', '`code`', '```', '>quote', '\n>', '\n', '\r\n', '\r', '\t', ' ',
  '\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u00a0', '\u200b', '\u200d', '\u202e', '\u2028', '\ufeff',
  '\uD800', '\uDFFF', '\uD83D\uDE00', 'é', 'e\u0301', '漢字', 'العربية', 'ру́сский', '😀', '👩‍👩‍👧', '🇫🇷',
  '’', '‘', '“', '”', '—', '–', '…', 'Hyper-V', 'hyperv', 'hyper v', 'OpenStack', 'Microsoft', 'Rackspace', 'NASA',
  'Nebula', 'Citrix', 'VMware', 'cloud', 'who', 'what', 'why', '?',
];

/** Words the seed corpus answers about, so that answered and ambiguous replies are exercised too. */
const DOMAIN = [
  'who', 'what', 'why', 'when', 'is', 'does', 'founded', 'started', 'OpenStack', 'Microsoft', 'Hyper-V', 'hyperv',
  'Rackspace', 'NASA', 'Nebula', 'cloud', 'join', 'joining', 'integration', 'code', 'company', 'writing', 'VMware',
  'vCloud', 'Citrix', 'support', 'open', 'source', 'hypervisor', 'Windows', 'Server', 'deal', 'why', 'the', 'a', '?',
];

/** Any single UTF-16 code unit, lone surrogates included (what a broken client can send). */
const anyCodeUnit = fc.nat({ max: 0xffff }).map((c) => String.fromCharCode(c));

/** Hostile question text up to `maxLength` characters. */
export function hostileText(maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: anyCodeUnit, maxLength }),
    fc.array(fc.constantFrom(...PIECES), { maxLength: Math.min(80, maxLength) }).map((parts) => parts.join('').slice(0, maxLength)),
    fc.array(fc.constantFrom(...DOMAIN), { minLength: 1, maxLength: 14 }).map((words) => words.join(' ')),
    fc
      .tuple(fc.array(fc.constantFrom(...DOMAIN), { minLength: 1, maxLength: 8 }), fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }))
      .map(([words, pieces]) => `<@UBOT> ${words.join(' ')} ${pieces.join('')}`.slice(0, maxLength)),
  );
}

/** A Slack user id, or something posing as one. */
export const userId = fc.oneof(fc.constantFrom('U123ABC', 'W0FAQ'), fc.string({ unit: 'binary', maxLength: 40 }));
