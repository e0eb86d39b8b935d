import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { StoreCurationService } from '../curate/store-curation-service.ts';
import type { Suggestion } from '../curate/curation-service.ts';
import { CurationError } from '../errors.ts';
import { FAQ_FILE } from '../load-engine.ts';
import type { Store } from '../store/store.ts';
import { writeLine, type CliIo } from './cli-io.ts';
import { loadCuratedEngine, requireStore } from './cli-store.ts';

export type CurateCommand =
  | { readonly action: 'list'; readonly json: boolean }
  | { readonly action: 'accept'; readonly id: string; readonly entryId: string }
  | { readonly action: 'dismiss'; readonly id: string }
  | { readonly action: 'export'; readonly out: string | null };

/**
 * `faqbot curate …`: the curator loop for scripts and for people without Slack, on the bot's own
 * store (FAQBOT_DB / DATABASE_URL). What is accepted here is live on every running replica within
 * FAQBOT_CURATION_POLL_MS; `export` writes it into faq.yml for review.
 */
export async function curate(command: CurateCommand, corpusDir: string, io: CliIo): Promise<number> {
  const store = await requireStore(io);
  try {
    const engine = await loadCuratedEngine(corpusDir, store, io);
    const service = new StoreCurationService({ store, getEngine: () => engine });
    const now = Date.now();
    switch (command.action) {
      case 'list': {
        const open = await service.openSuggestions(now);
        for (const s of open) writeLine(io.stdout, command.json ? suggestionJson(s) : suggestionLine(s));
        if (!command.json && open.length === 0) writeLine(io.stdout, 'No open suggestions.');
        return 0;
      }
      case 'accept': {
        const curation = await service.acceptPhrasing({ suggestionId: command.id, entryId: command.entryId, by: curator(io), at: now });
        writeLine(io.stdout, `accepted: "${curation.question}" is now a phrasing of ${curation.entryId} (curation ${curation.id}); live on running replicas within seconds.`);
        // What the bot will now say to it: a phrasing another entry wins, or that matching still
        // cannot place, is worth knowing at once rather than from the next `faqbot check`.
        const answer = (await loadCuratedEngine(corpusDir, store, io)).ask(curation.question);
        if (answer.status !== 'answered' || answer.entryId !== curation.entryId) {
          const outcome = answer.status === 'answered' ? `is answered by ${answer.entryId}` : `comes back ${answer.status}`;
          writeLine(io.stderr, `faqbot: warning: even so, "${curation.question}" ${outcome}; \`faqbot check\` lists such phrasings.`);
        }
        return 0;
      }
      case 'dismiss': {
        if (!(await service.suggestion(command.id, now))) throw new CurationError(`There is no open suggestion ${command.id}: see \`faqbot curate list\`.`);
        await service.dismiss(command.id, curator(io), now);
        writeLine(io.stdout, `dismissed: ${command.id}`);
        return 0;
      }
      case 'export':
        return await exportFaq(store, corpusDir, command.out, io);
    }
  } finally {
    await store.close();
  }
}

/** The line of `curate list --json`: exactly the fields scripts rely on. */
function suggestionJson(s: Suggestion): string {
  return JSON.stringify({ id: s.id, kind: s.kind, question: s.question, count: s.count, entryId: s.entryId });
}

function suggestionLine(s: Suggestion): string {
  const about = s.entryId ? ` → ${s.entryId}` : '';
  return `${s.id}  ${s.kind.padEnd(11)} ×${String(s.count).padEnd(3)} "${s.question}"${about}`;
}

/** Who decided, for the record: the CLI has no Slack id, so the local user. */
function curator(io: CliIo): string {
  return `cli:${io.env['USER'] ?? safeUserName()}`;
}

function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

async function exportFaq(store: Store, corpusDir: string, out: string | null, io: CliIo): Promise<number> {
  // Loaded only here: the YAML library is not needed by any other command of this file.
  const { mergeCurations } = await import('../faq/merge-curations.ts');
  const source = path.join(corpusDir, FAQ_FILE);
  const text = await fs.readFile(source, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const merged = mergeCurations(source, text, await store.curations());
  const target = out ?? source;
  await fs.writeFile(target, merged.text);
  writeLine(io.stdout, `export: ${merged.added} curation${merged.added === 1 ? '' : 's'} written into ${target}; run \`faqbot check\` and review the diff.`);
  return 0;
}
