import { termOf } from './normalize.ts';

/**
 * Everyday words people swap when they ask about news ("position" for "place", "started" for
 * "founded") or about software ("remove" for "delete", "site" for "website", "mail" for "email"). Each group is a set of interchangeable words; a question word matches its group's
 * other words at a discount (`SCORING.synonymWeight`). Kept short and general on purpose: a
 * corpus's own vocabulary (product names, jargon) belongs in faq.yml's `synonyms:`.
 */
export const BUILT_IN_SYNONYMS: ReadonlyArray<readonly string[]> = [
  ['position', 'place', 'standing', 'status'],
  ['found', 'start', 'create', 'establish', 'launch'],
  ['start', 'begin'],
  ['company', 'firm', 'business', 'vendor', 'corporation'],
  ['buy', 'purchase', 'acquire'],
  ['sue', 'suing', 'lawsuit', 'litigation'],
  ['big', 'large', 'huge', 'major'],
  ['help', 'assist', 'support', 'aid'],
  ['cooperate', 'collaborate', 'partner', 'ally'],
  ['announce', 'unveil', 'reveal', 'introduce'],
  ['compete', 'rival', 'competitor', 'competition'],
  ['lead', 'dominate', 'dominance', 'leader'],
  ['benefit', 'advantage', 'gain'],
  ['author', 'writer', 'wrote', 'reporter', 'journalist'],
  ['boss', 'head', 'chief', 'manager', 'director'],
  ['price', 'cost'],
  ['make', 'build', 'produce', 'manufacture'],
  ['say', 'said', 'state', 'claim', 'tell'],
  ['give', 'provide', 'offer'],
  ['allow', 'enable', 'permit'],
  ['problem', 'issue', 'trouble'],
  ['use', 'utilize', 'employ'],
  ['goal', 'aim', 'purpose', 'objective'],
  ['change', 'modify', 'alter'],
  ['end', 'finish', 'conclude'],
  ['country', 'nation'],
  ['city', 'town'],
  ['fast', 'quick', 'rapid'],
  ['small', 'little', 'tiny'],
  ['recent', 'latest', 'new'],
  ['join', 'enter', 'sign'],
  ['customer', 'client', 'user'],
  ['merge', 'merger', 'combine'],
  ['win', 'victory', 'winner'],
  ['deal', 'agreement', 'pact', 'partnership'],
  ['delete', 'remove', 'erase'],
  ['save', 'store'],
  ['copy', 'duplicate'],
  ['find', 'locate'],
  ['see', 'view', 'watch'],
  ['picture', 'image', 'photo', 'pic'],
  ['site', 'website', 'webpage'],
  ['oldest', 'earliest'],
  ['safe', 'secure'],
  ['show', 'display'],
  ['mail', 'email'],
  ['die', 'death', 'dead'],
  ['hide', 'conceal'],
  ['tool', 'app', 'application', 'program', 'software'],
];

/** Maps each term to the other terms of its groups. */
export function synonymTable(groups: ReadonlyArray<readonly string[]>): Map<string, string[]> {
  const table = new Map<string, Set<string>>();
  for (const group of groups) {
    const terms = [...new Set(group.map((word) => termOf(word.toLowerCase().replace(/[\s-]+/g, ''))))];
    for (const term of terms) {
      let others = table.get(term);
      if (!others) table.set(term, (others = new Set()));
      for (const other of terms) if (other !== term) others.add(other);
    }
  }
  return new Map([...table].map(([term, others]) => [term, [...others]]));
}
