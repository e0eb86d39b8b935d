import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.ts';
import { loadEngine } from '../../src/load-engine.ts';

// A FAQ about a web app's accounts: people say "erase" or "remove" for the FAQ's "delete".
describe('everyday words swapped for the FAQ’s own', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await loadEngine('test/fixtures/web-accounts');
  });

  it('answers "erase my account" with the entry about deleting it, not the one about the account after death', () => {
    const answer = engine.ask('What is the best way to erase my account?');
    expect(answer.status).toBe('answered');
    expect(answer.entryId).toBe('delete-account');
    expect(answer.citations[0]?.quote).toContain('To delete your account');
  });

  it('still refuses what none of the entries says, though a FAQ of three entries leaves the best with no rival', () => {
    for (const q of ['How do I change the colour of my profile?', 'Can I import my contacts?']) expect(engine.ask(q).status, q).not.toBe('answered');
  });
});
