import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's own `seeds/` folder: the corpus when neither --corpus nor FAQBOT_CORPUS says
 * otherwise. Resolved from this file (src/ or dist/, both one level below the project), not the
 * working directory, so `npx faqbot` and `npm start` find it wherever they are run from.
 */
export const DEFAULT_CORPUS_DIR = fileURLToPath(new URL('../seeds', import.meta.url));

/**
 * The one rule for which corpus folder faqbot reads, shared by the CLI and `npm start`: the
 * folder given (`--corpus`, else FAQBOT_CORPUS) relative to `cwd`, or the project's seeds/ when
 * none is given or it is blank (a copied `.env.example` line `FAQBOT_CORPUS=`). Always absolute.
 *
 * @example resolveCorpusDir('articles', '/srv/bot') // '/srv/bot/articles'
 */
export function resolveCorpusDir(folder: string | undefined, cwd: string = process.cwd()): string {
  const given = folder?.trim();
  return given ? path.resolve(cwd, given) : DEFAULT_CORPUS_DIR;
}
