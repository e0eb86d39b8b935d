import { StoreCurationService } from '../curate/store-curation-service.ts';
import type { Stats } from '../curate/curation-service.ts';
import { writeLine, type CliIo } from './cli-io.ts';
import { loadCuratedEngine, requireStore } from './cli-store.ts';

/** `faqbot stats [--days N] [--json]`: what the bot was asked and how it did, from the store. */
export async function stats(days: number, json: boolean, corpusDir: string, io: CliIo): Promise<number> {
  const store = await requireStore(io);
  try {
    const engine = await loadCuratedEngine(corpusDir, store, io);
    const figures = await new StoreCurationService({ store, getEngine: () => engine }).stats(days, Date.now());
    writeLine(io.stdout, json ? JSON.stringify(figures) : statsText(figures));
    return 0;
  } finally {
    await store.close();
  }
}

const percent = (rate: number | null): string => (rate === null ? 'n/a' : `${Math.round(rate * 100)}%`);
const ms = (value: number | null): string => (value === null ? 'n/a' : `${value} ms`);

export function statsText(s: Stats): string {
  const lines = [
    `Last ${s.days} day${s.days === 1 ? '' : 's'}: ${s.questions} questions`,
    `  answered ${s.answered} (${percent(s.answeredRate)}), ambiguous ${s.ambiguous}, unknown ${s.unknown}${s.failed ? `, failed ${s.failed}` : ''}`,
    `  votes: helpful ${s.helpful}, not helpful ${s.notHelpful} (${percent(s.helpfulRate)} helpful)`,
    `  time to answer: median ${ms(s.medianLatencyMs)}, p99 ${ms(s.p99LatencyMs)}`,
  ];
  if (s.topEntries.length) lines.push('Most asked entries:', ...s.topEntries.map((e) => `  ${String(e.count).padStart(4)}  ${e.entryId}${e.question ? ` — ${e.question}` : ''}`));
  if (s.topUnanswered.length) lines.push('Most frequent unanswered questions:', ...s.topUnanswered.map((u) => `  ${String(u.count).padStart(4)}  ${u.question}`));
  return lines.join('\n');
}
