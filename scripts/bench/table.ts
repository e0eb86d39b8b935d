import type { Latency, QuestionTimes } from './measure.ts';

/** One corpus's measurements: what the markdown table prints. */
export interface BenchRow {
  readonly name: string;
  readonly articles: number;
  readonly passages: number;
  readonly loadMs: number;
  readonly buildMs: number;
  readonly buildCpuMs: number;
  readonly heapBytes: number;
  readonly ours: QuestionTimes;
  readonly fuse: Latency;
  /** The 1-minute load average while the questions ran: above the CPU count, p99 is noise. */
  readonly loadAverage: number;
  readonly checks: readonly TargetCheck[];
}

export interface TargetCheck {
  readonly label: string;
  readonly pass: boolean;
  readonly actual: string;
}

export function renderTable(rows: readonly BenchRow[]): string {
  const header = ['corpus', 'passages', 'load', 'index build', 'heap after build', 'questions', 'p50', 'p99', 'max', 'p99 CPU time', 'fuse.js p50 (questions)', 'fuse.js p50 / our p50', 'load avg'];
  const lines = [row(header), row(header.map((_, i) => (i === 0 ? '---' : '---:')))];
  for (const r of rows) {
    lines.push(
      row([
        r.name,
        `${count(r.passages)} (${count(r.articles)} files)`,
        seconds(r.loadMs),
        `${seconds(r.buildMs)} (CPU ${seconds(r.buildCpuMs)})`,
        `${(r.heapBytes / 2 ** 20).toFixed(0)} MB`,
        count(r.ours.wall.count),
        ms(r.ours.wall.p50),
        ms(r.ours.wall.p99),
        ms(r.ours.wall.max),
        ms(r.ours.cpu.p99),
        `${ms(r.fuse.p50)} (${count(r.fuse.count)})`,
        `${count(Math.round(r.fuse.p50 / r.ours.wall.p50))}×`,
        r.loadAverage.toFixed(1),
      ]),
    );
  }
  return lines.join('\n');
}

export function renderChecks(rows: readonly BenchRow[]): string {
  const lines = rows.flatMap((r) => r.checks.map((c) => `- ${c.pass ? 'PASS' : 'FAIL'} ${r.name}: ${c.label} — measured ${c.actual}`));
  return lines.length ? lines.join('\n') : '- (no targets apply to these corpora)';
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  return value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(3)} ms`;
}

export function seconds(value: number): string {
  return `${(value / 1000).toFixed(2)} s`;
}

function count(value: number): string {
  return Number.isFinite(value) ? value.toLocaleString('en-US') : '–';
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}
