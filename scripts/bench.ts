/**
 * `npm run bench -- --startup [--runs N]`: cold-start times as ratios to `node -e 0` (see
 * bench/startup.ts). `npm run bench -- --reload [--runs N]`: how long a reload holds the serving
 * thread, for seeds/ and SQuAD half A (or `--corpus` folders), three ways and a floor (bench/reload.ts). Otherwise:
 *
 * `npm run bench [-- --corpus DIR ...] [--only seeds,squad,synthetic] [--synthetic N]
 *   [--fuse-budget S] [--keep]`   (`--fuse-budget 0` skips the fuse.js baseline, e.g. to profile)
 *
 * Builds the answer engine over large corpora and prints, for each, the passages, load and index
 * build time, heap after build, and per-question latency (p50/p99/max of `engine.ask`, the whole
 * answer path) over 1,000+ questions, next to a naive fuse.js scan of the same passages in the
 * same run. Then PASS/FAIL against the targets of issue 2: a seed-corpus question ≤ 1 ms p99;
 * over 100,000 passages ≤ 2 ms p99 with the index built in ≤ 10 s.
 *
 * Corpora: `seeds/` (FAQ phrasings and perturbations of them), SQuAD half A (written to a temp
 * folder by ../shared/bench/squad/make-corpus.mjs, with its 2,000 questions), and a synthetic
 * corpus of N passages (default 100,000; `--synthetic 0` skips it). `--corpus DIR` (repeatable)
 * replaces seeds and SQuAD with the given folders. Run node with `--expose-gc` for honest heap.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildEngine, loadCuratedCorpus, type LoadedCorpus } from '../src/load-engine.ts';
import { fuseScan, heapUsed, summarise, timeEach, timed, timedAsync } from './bench/measure.ts';
import { faqQuestions, readEvalQuestions, sentenceQuestions, spreadSample } from './bench/questions.ts';
import { outOfVocabularyQuestions, SYNTHETIC_DEFAULTS, writeSyntheticCorpus } from './bench/synthetic-corpus.ts';
import { benchStartup } from './bench/startup.ts';
import { benchReload } from './bench/reload.ts';
import { ms, renderChecks, renderTable, seconds, type BenchRow, type TargetCheck } from './bench/table.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SQUAD_MAKER = path.resolve(REPO, '../shared/bench/squad/make-corpus.mjs');
const WARMUP_QUESTIONS = 300;

type Measured = Omit<BenchRow, 'checks'>;

/** One corpus to bench: where it is, what to ask it, how many questions fuse.js gets, its targets. */
interface BenchCase {
  readonly name: string;
  readonly dir: string;
  readonly questions: (loaded: LoadedCorpus) => string[];
  /** How many questions the slow fuse.js scan gets, given the passage count. */
  readonly fuseSample: (passages: number) => number;
  readonly targets: (row: Measured) => TargetCheck[];
}

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', multiple: true },
    only: { type: 'string', default: 'seeds,squad,synthetic' },
    synthetic: { type: 'string', default: '100000' },
    'fuse-budget': { type: 'string', default: '90' },
    keep: { type: 'boolean', default: false },
    startup: { type: 'boolean', default: false },
    reload: { type: 'boolean', default: false },
    runs: { type: 'string', default: '10' },
  },
  allowPositionals: false,
});
const only = new Set(values.only.split(','));
const fuseBudgetMs = Number(values['fuse-budget']) * 1000;

if (values.reload) {
  await reloadCorpora();
} else if (values.startup) {
  const checks = await benchStartup(REPO, Number(values.runs));
  console.log(`\nTargets:\n${checks.map((c) => `- ${c.pass ? 'PASS' : 'FAIL'} ${c.label} — measured ${c.actual}`).join('\n')}`);
} else {
  await main();
}

/** seeds/ and SQuAD half A (or the `--corpus` folders), for `--reload`. */
async function reloadCorpora(): Promise<void> {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-bench-'));
  try {
    const cases = values.corpus?.length ? values.corpus.map(customCase) : defaultCases(temp);
    await benchReload(cases.map((c) => ({ name: c.name, dir: c.dir })), Number(values.runs));
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-bench-'));
  const started = performance.now();
  try {
    progress(`node ${process.version}, gc ${globalThis.gc ? 'exposed' : 'NOT exposed (run node with --expose-gc): heap includes garbage'}`);
    const cases = [...(values.corpus?.length ? values.corpus.map(customCase) : defaultCases(temp)), ...syntheticCase(temp)];
    const rows: BenchRow[] = [];
    for (const c of cases) rows.push(await benchOne(c));
    console.log(`\n## faqbot bench (${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${os.cpus().length} CPUs)\n`);
    console.log(renderTable(rows));
    console.log(`\nTargets:\n${renderChecks(rows)}`);
    console.log(
      [
        '',
        `- p50/p99/max: wall-clock time of engine.ask (normalize, rank, choose quotes, build the answer), each question asked once, after ${WARMUP_QUESTIONS} unmeasured warm-up questions drawn from the corpus's own sentences (so the typo corrector's cache holds none of the measured typos).`,
        `- p99 CPU time: the same calls' main-thread CPU time, bounded above by min(wall clock, process CPU time): the engine's cost without waiting for a core and without V8's background threads — on a busy shared machine, what separates a slow engine from a slow machine.`,
        `- fuse.js: new Fuse(paragraphTexts, { ignoreLocation: true, threshold: 0.4, includeScore: true }), the whole question as the pattern, over the same passages, on a fixed spread-out sample of each corpus's questions (count in brackets; ≤ ${fuseBudgetMs / 1000} s per corpus): it costs about a second a question per 2,000 passages.`,
        `- load: reading and splitting the articles and verifying faq.yml; index build: buildEngine. Heap: process.memoryUsage().heapUsed after build${globalThis.gc ? ' and a full GC' : ' WITHOUT a GC (run node with --expose-gc)'}, corpus text included.`,
        `- load avg: the 1-minute load average while the questions ran, on ${os.cpus().length} CPUs; above that, other processes were competing and single-call p99 is inflated.`,
        `- total bench time ${seconds(performance.now() - started)}.`,
      ].join('\n'),
    );
  } finally {
    if (values.keep) progress(`kept ${temp}`);
    else fs.rmSync(temp, { recursive: true, force: true });
  }
}

async function benchOne(c: BenchCase): Promise<BenchRow> {
  progress(`${c.name}: loading ${c.dir}`);
  const load = await timedAsync(() => loadCuratedCorpus(c.dir));
  const build = timed(() => buildEngine(load.value));
  const engine = build.value;
  const heap = heapUsed();
  const { corpus } = load.value;
  const passages = corpus.articles.reduce((n, a) => n + a.paragraphs.length, 0);
  const questions = c.questions(load.value);
  progress(`${c.name}: ${passages} passages, load ${seconds(load.ms)}, build ${seconds(build.ms)}; ${questions.length} questions`);

  // Warm up on other questions than the measured ones, so the typo corrector's cache does not
  // flatter the measured calls, while its lazily built indexes and the JIT are warm.
  timeEach(sentenceQuestions(corpus, WARMUP_QUESTIONS, 99), (q) => engine.ask(q));
  const ours = timeEach(questions, (q) => engine.ask(q));
  const loadAverage = os.loadavg()[0] ?? Number.NaN;
  const sample = fuseBudgetMs > 0 ? c.fuseSample(passages) : 0;
  progress(`${c.name}: p50 ${ms(ours.wall.p50)} p99 ${ms(ours.wall.p99)} (CPU ${ms(ours.cpu.p99)}); fuse.js on ${sample} questions…`);

  const texts = corpus.articles.flatMap((a) => a.paragraphs.map((p) => a.text.slice(p.start, p.end)));
  const fuse = sample > 0 ? fuseScan(texts, spreadSample(questions, sample), fuseBudgetMs) : { latency: summarise([]) };
  progress(`${c.name}: fuse.js p50 ${ms(fuse.latency.p50)} over ${fuse.latency.count} questions`);

  const row: Measured = { name: c.name, articles: corpus.articles.length, passages, loadMs: load.ms, buildMs: build.ms, buildCpuMs: build.cpuMs, heapBytes: heap.bytes, ours, fuse: fuse.latency, loadAverage };
  return { ...row, checks: c.targets(row) };
}

function defaultCases(temp: string): BenchCase[] {
  const cases: BenchCase[] = [];
  if (only.has('seeds')) {
    cases.push({
      name: 'seeds/',
      dir: path.join(REPO, 'seeds'),
      questions: ({ corpus, curated }) => faqQuestions(curated, corpus, 1_000, 1),
      fuseSample: () => 100,
      targets: (row) => latencyChecks(row, 1),
    });
  }
  if (only.has('squad') && fs.existsSync(SQUAD_MAKER)) {
    const out = path.join(temp, 'squad-a');
    execFileSync(process.execPath, [SQUAD_MAKER, '--half', 'A', '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
    cases.push({
      name: 'SQuAD half A',
      dir: path.join(out, 'articles'),
      questions: () => readEvalQuestions(path.join(out, 'questions.jsonl')),
      fuseSample: () => 20,
      // Issue 4: the 2,000 eval questions take ≤ 30 s in all, index build included.
      targets: (row) => {
        const total = row.loadMs + row.buildMs + row.ours.wall.total;
        return [check(`load + build + ${row.ours.wall.count.toLocaleString('en-US')} questions ≤ 30 s`, total <= 30_000, seconds(total))];
      },
    });
  } else if (only.has('squad')) {
    progress(`SQuAD skipped: ${SQUAD_MAKER} not found`);
  }
  return cases;
}

/** A `--corpus DIR`: its own questions.jsonl (also DIR/.. for make-corpus's articles/ layout), else derived ones. */
function customCase(dir: string): BenchCase {
  let articles = path.resolve(dir);
  if (fs.existsSync(path.join(articles, 'articles')) && !fs.readdirSync(articles).some((f) => /\.(md|txt)$/i.test(f))) articles = path.join(articles, 'articles');
  const jsonl = [path.join(articles, 'questions.jsonl'), path.join(articles, '..', 'questions.jsonl')].find((f) => fs.existsSync(f));
  return {
    name: path.relative(process.cwd(), articles) || '.',
    dir: articles,
    questions: ({ corpus, curated }) => (jsonl ? readEvalQuestions(jsonl) : faqQuestions(curated, corpus, 1_000, 1)),
    // About 20 s of fuse.js at its ~1 s a question per 2,000 passages.
    fuseSample: (passages) => Math.min(100, Math.max(3, Math.round(40_000 / Math.max(1, passages)))),
    targets: (row) => (row.passages >= 100_000 ? largeChecks(row) : []),
  };
}

function syntheticCase(temp: string): BenchCase[] {
  const passages = Number(values.synthetic);
  if (!only.has('synthetic') || !(passages > 0)) return [];
  const dir = path.join(temp, 'synthetic');
  const articles = Math.ceil(passages / SYNTHETIC_DEFAULTS.paragraphsPerArticle);
  const written = timed(() => writeSyntheticCorpus({ ...SYNTHETIC_DEFAULTS, dir, articles }));
  progress(`synthetic: wrote ${written.value} paragraphs in ${articles} files in ${seconds(written.ms)}`);
  return [
    {
      name: `synthetic ${(written.value / 1000).toFixed(0)}k`,
      dir,
      questions: ({ corpus }) => [...sentenceQuestions(corpus, 1_000, 7), ...outOfVocabularyQuestions(100, 8)],
      fuseSample: () => 3,
      targets: (row) => (row.passages >= 100_000 ? largeChecks(row) : []),
    },
  ];
}

/** Issue 2's large-corpus targets: ≤ 2 ms p99 a question, index built in ≤ 10 s. */
function largeChecks(row: Measured): TargetCheck[] {
  return [...latencyChecks(row, 2), check('index build ≤ 10 s', row.buildMs <= 10_000, `${seconds(row.buildMs)} wall, ${seconds(row.buildCpuMs)} CPU`)];
}

/** The p99 target, checked on wall-clock time (what users see) and on CPU time (what the engine costs). */
function latencyChecks(row: Measured, limitMs: number): TargetCheck[] {
  return [
    check(`question p99 ≤ ${limitMs} ms (wall clock)`, row.ours.wall.p99 <= limitMs, `${ms(row.ours.wall.p99)} at load avg ${row.loadAverage.toFixed(1)}`),
    check(`question p99 ≤ ${limitMs} ms (CPU time)`, row.ours.cpu.p99 <= limitMs, ms(row.ours.cpu.p99)),
  ];
}

function check(label: string, pass: boolean, actual: string): TargetCheck {
  return { label, pass, actual };
}

function progress(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}
