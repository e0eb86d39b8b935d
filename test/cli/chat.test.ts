import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadEngineSharingSeeds, seedsEngine } from '../helpers/seeds-engine.ts';
import { serve } from '../../src/cli/serve.ts';
import { SLACK_HINT } from '../../src/config.ts';
import { renderText } from '../../src/render/text.ts';
import { findQuestion } from '../helpers/engine-probes.ts';
import { Capture } from '../runtime/helpers/capture.ts';

/** Runs `npm start`'s entry point with no Slack credentials: the terminal chat. */
async function chatWith(input: string | null): Promise<{ code: number; stdout: string; stdin: PassThrough }> {
  const stdout = new Capture();
  const stdin = new PassThrough();
  if (input !== null) stdin.end(input);
  const code = await serve({ env: {}, stdin, stdout, stderr: new Capture(), loadEngine: loadEngineSharingSeeds });
  return { code, stdout: stdout.text, stdin };
}

describe('terminal chat (npm start without Slack credentials)', () => {
  it('first says which variables would connect it to Slack, then answers piped questions until end of input', async () => {
    const { code, stdout } = await chatWith('Who founded OpenStack?\n\nIs Microsoft joining OpenStack?\n');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(SLACK_HINT);
    expect(lines[0]).toMatch(/SLACK_BOT_TOKEN.*SLACK_APP_TOKEN.*SLACK_SIGNING_SECRET/);
    expect(stdout).toContain('faqbot> ');
    expect(stdout).toMatch(/Rackspace/);
    expect(stdout).toMatch(/paragraph \d+/);
    // Two questions, two answers: the blank line is skipped, not answered.
    expect(stdout.match(/paragraph \d+/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('says the index is loading before the first prompt', async () => {
    const { stdout } = await chatWith('');
    const lines = stdout.split('\n');
    expect(lines[1]).toBe('Loading the articles in seeds and building the index…');
    expect(stdout.indexOf('faqbot> ')).toBeGreaterThan(stdout.indexOf('building the index'));
  });

  it('a number after "Did you mean" answers that choice; the same number with no choices on offer is a question', async () => {
    const engine = await seedsEngine();
    const found = findQuestion(engine, 'ambiguous');
    expect(found, 'no probe question is ambiguous on the seeds').not.toBeNull();
    const { question, answer } = found!;
    const second = answer.suggestions[1]!;
    const chosen = engine.answerEntry(second.entryId, question)!;
    expect(chosen.status).toBe('answered');

    const { stdout } = await chatWith(`${question}\n2\n`);
    expect(stdout).toContain(`  2. ${second.question}`);
    expect(stdout).toContain('(Type a number, 1 to');
    expect(stdout).toContain(renderText(chosen));

    const alone = await chatWith('2\n');
    expect(alone.stdout).toContain(renderText(engine.ask('2')));
  });

  it('help lists the articles and example questions; quit leaves without reading further', async () => {
    const { code, stdout } = await chatWith('help\nquit\nWho founded OpenStack?\n');
    expect(code).toBe(0);
    expect(stdout).toContain('Hyper-V To Be Integrated in OpenStack');
    expect(stdout).toContain('For example:');
    expect(stdout).not.toMatch(/Rackspace/);
  });

  it('exit works like quit, in any case', async () => {
    const { code, stdout } = await chatWith('EXIT\nWho founded OpenStack?\n');
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/Rackspace/);
  });

  it('end of input (Ctrl-D) with nothing typed exits cleanly', async () => {
    const { code } = await chatWith('');
    expect(code).toBe(0);
  });

  it('never throws on hostile input', async () => {
    const hostile = ['\u0000\u0007\u001b[31m', '<@U123> <!channel> &amp;', '🤖'.repeat(1000), 'x'.repeat(40_000), '\uD800'].join('\n');
    const { code, stdout } = await chatWith(`${hostile}\n`);
    expect(code).toBe(0);
    expect(stdout).not.toContain('Sorry, something went wrong');
  });
});
