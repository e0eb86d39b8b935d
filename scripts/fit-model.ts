// `npm run fit:model`: fits the ranking and confidence models of src/match/entry-model.ts.
// Asks every question of the development sets (the seed dev set, StackFAQ half A; SQuAD half A has
// no curated entries and only checks the end result) through the real index, labels each curated
// candidate by the eval metric (would answering with it hit?), fits two logistic regressions and
// prints their weights, to paste into entry-model.ts, with a 2-fold cross-validated estimate of
// "in-scope answered right" at 85/90/95% out-of-scope refused. Never run it on a held-out half.
//   npm run fit:model [-- --stackfaq DIR]   (DIR from make-corpus.mjs --half A; made here if absent)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { answerFrom } from '../src/answer/answer-question.ts';
import { hits, readEvalFile } from '../src/cli/eval.ts';
import { DEFAULT_CORPUS_DIR } from '../src/resolve-corpus-dir.ts';
import { buildAnswerContext, loadCuratedCorpus } from '../src/load-engine.ts';
import { confidence, confidenceInputs, FEATURE_NAMES, featureVector, rankScore, type EntryFeatures } from '../src/match/entry-model.ts';

const { values } = parseArgs({ options: { stackfaq: { type: 'string' }, shared: { type: 'string', default: path.resolve('..', 'shared') } } });
let stackfaq = values.stackfaq;
if (!stackfaq) {
  stackfaq = fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-stackfaq-A-'));
  execFileSync(process.execPath, [path.join(values.shared, 'bench', 'stackfaq', 'make-corpus.mjs'), '--half', 'A', '--out', stackfaq], { stdio: 'ignore' });
}
const sets = [
  { name: 'seeds dev', dir: DEFAULT_CORPUS_DIR, questions: path.join(values.shared, 'eval', 'dev.jsonl'), weight: 5 },
  { name: 'StackFAQ A', dir: path.join(stackfaq, 'articles'), questions: path.join(stackfaq, 'questions.jsonl'), weight: 1 },
];

interface Row { readonly set: string; readonly weight: number; readonly inScope: boolean; readonly cands: Array<{ f: EntryFeatures; right: boolean }> }
const rows: Row[] = [];
for (const set of sets) {
  const context = buildAnswerContext(await loadCuratedCorpus(set.dir));
  for (const c of await readEvalFile(set.questions)) {
    const ranking = context.index.rank(c.q);
    const cands = ranking.curated.map((cand) => ({ f: cand.features, right: c.any !== null && hits(answerFrom(cand, c.q, context), c) }));
    rows.push({ set: set.name, weight: set.weight, inScope: c.any !== null, cands });
  }
}

type Sample = { x: number[]; y: number; w: number };
/** L2-regularised logistic regression by batch gradient descent (features are all about [0, 3]). */
function fit(samples: readonly Sample[], iterations = 1500, rate = 1, l2 = 0.002): number[] {
  const d = samples[0]!.x.length + 1;
  const w = new Array<number>(d).fill(0);
  const total = samples.reduce((s, x) => s + x.w, 0);
  for (let it = 0; it < iterations; it++) {
    const g = new Array<number>(d).fill(0);
    for (const { x, y, w: wt } of samples) {
      const p = confidence(x, w);
      g[0]! += wt * (p - y);
      x.forEach((v, i) => (g[i + 1]! += wt * (p - y) * v));
    }
    for (let i = 0; i < d; i++) w[i]! -= rate * (g[i]! / total + (i ? l2 * w[i]! : 0));
  }
  return w.map((v) => Math.round(v * 1000) / 1000);
}
const rankSamples = (rs: readonly Row[]): Sample[] =>
  rs.filter((r) => r.inScope && r.cands.some((c) => c.right)).flatMap((r) => r.cands.map((c) => ({ x: featureVector(c.f), y: c.right ? 1 : 0, w: r.weight * (c.right ? 1 : 2 / r.cands.length) })));
function tops(rs: readonly Row[], rank: readonly number[]) {
  return rs.map((r) => {
    const scored = r.cands.map((c) => ({ ...c, score: rankScore(c.f, rank) })).sort((a, b) => b.score - a.score);
    const [best, second] = scored;
    return { r, best, inputs: best ? confidenceInputs({ score: best.score, features: best.f }, second && { score: second.score, features: second.f }) : null };
  });
}
const confidenceSamples = (ts: ReturnType<typeof tops>): Sample[] => ts.filter((t) => t.inputs).map((t) => ({ x: t.inputs!, y: t.r.inScope && t.best!.right ? 1 : 0, w: t.r.weight }));
function curve(ts: ReturnType<typeof tops>, conf: readonly number[], set: string): string {
  const mine = ts.filter((t) => t.r.set === set);
  const p = (t: (typeof mine)[number]): number => (t.inputs ? confidence(t.inputs, conf) : 0);
  const outs = mine.filter((t) => !t.r.inScope).map(p).sort((a, b) => a - b);
  const ins = mine.filter((t) => t.r.inScope);
  const top1 = ins.filter((t) => t.best?.right).length;
  const at = (share: number): string => {
    const line = outs[Math.min(outs.length - 1, Math.ceil(share * outs.length) - 1)] ?? 0;
    return `${share * 100}% refused → ${((100 * ins.filter((t) => t.best?.right && p(t) > line).length) / ins.length).toFixed(1)}%`;
  };
  return `${set}: top-1 ${((100 * top1) / ins.length).toFixed(1)}%; ${[0.85, 0.9, 0.95].map(at).join(', ')}`;
}

const rank = fit(rankSamples(rows));
const all = tops(rows, rank);
const conf = fit(confidenceSamples(all));
console.log(`features: ${FEATURE_NAMES.join(', ')}`);
console.log(`RANK_WEIGHTS = [${rank.join(', ')}]`);
console.log(`CONFIDENCE_WEIGHTS = [${conf.join(', ')}]  (ranking score, margin, then feature differences)`);
for (const set of sets) console.log(`fitted on all   ${curve(all, conf, set.name)}`);
// Honest estimate: fit on half the questions, measure on the other half, both ways.
const folds = [0, 1].map((fold) => {
  const train = rows.filter((_, i) => i % 2 !== fold);
  const test = rows.filter((_, i) => i % 2 === fold);
  const r = fit(rankSamples(train));
  const c = fit(confidenceSamples(tops(train, r)));
  return { test: tops(test, r), c };
});
const merged = folds.flatMap((f) => f.test.map((t) => ({ ...t, inputs: t.inputs && [confidence(t.inputs, f.c)] })));
for (const set of sets) console.log(`2-fold CV       ${curve(merged, [0, 1], set.name).replace('top-1', 'top-1')}`);
