import fs from 'node:fs/promises';
import type { Answer } from '../answer/types.ts';
import type { Engine } from '../engine.ts';
import { FaqbotError } from '../errors.ts';
import { writeLine, type CliIo } from './cli-io.ts';

export interface EvalCase {
  readonly q: string;
  readonly any: readonly string[] | null;
  readonly kind: string;
}

/** Quotes over this many characters in total make an answer a miss: a quote must be focused. */
export const EVAL_QUOTE_LIMIT = 700;

/** Reads a JSONL question set; errors name the file and line. */
export async function readEvalFile(file: string): Promise<EvalCase[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (cause) {
    throw new FaqbotError('eval_unreadable', `Cannot read the question set ${file}.`, { cause });
  }
  const cases: EvalCase[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new FaqbotError('eval_invalid', `${file}:${i + 1}: not valid JSON.`);
    }
    const c = value as Partial<EvalCase>;
    const anyOk = c.any === null || (Array.isArray(c.any) && c.any.every((a) => typeof a === 'string'));
    if (typeof c.q !== 'string' || !anyOk) throw new FaqbotError('eval_invalid', `${file}:${i + 1}: expected {"q": string, "any": [string] | null, "kind": string}.`);
    cases.push({ q: c.q, any: c.any ?? null, kind: typeof c.kind === 'string' ? c.kind : 'default' });
  });
  return cases;
}

const fold = (s: string): string => s.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"');

/** Whether an answer hits its case, by the metric in docs/how-it-works.md. */
export function hits(answer: Answer, c: EvalCase): boolean {
  if (c.any === null) return answer.status === 'unknown';
  if (answer.status !== 'answered') return false;
  if (answer.citations.reduce((n, x) => n + x.quote.length, 0) > EVAL_QUOTE_LIMIT) return false;
  const haystacks = [answer.answer ?? '', ...answer.citations.map((x) => x.quote)].map(fold);
  return c.any.some((needle) => haystacks.some((h) => h.includes(fold(needle))));
}

/** `faqbot eval FILE.jsonl`: the score per kind, then the one-line summary other tools parse. */
export async function runEval(engine: Engine, file: string, io: CliIo): Promise<number> {
  const cases = await readEvalFile(file);
  const byKind = new Map<string, { hit: number; total: number }>();
  let inHit = 0;
  let inTotal = 0;
  let outHit = 0;
  let outTotal = 0;
  for (const c of cases) {
    const hit = hits(engine.ask(c.q), c);
    const tally = byKind.get(c.kind) ?? { hit: 0, total: 0 };
    tally.total += 1;
    if (hit) tally.hit += 1;
    byKind.set(c.kind, tally);
    if (c.any === null) {
      outTotal += 1;
      if (hit) outHit += 1;
    } else {
      inTotal += 1;
      if (hit) inHit += 1;
    }
  }
  for (const [kind, t] of [...byKind].sort(([a], [b]) => a.localeCompare(b))) {
    writeLine(io.stdout, `${kind.padEnd(12)} ${t.hit}/${t.total} (${pct(t.hit, t.total)}%)`);
  }
  writeLine(io.stdout, `eval: in-scope ${inHit}/${inTotal} (${pct(inHit, inTotal)}%), out-of-scope refused ${outHit}/${outTotal} (${pct(outHit, outTotal)}%)`);
  return 0;
}

function pct(hit: number, total: number): string {
  return total === 0 ? '0.0' : ((100 * hit) / total).toFixed(1);
}
