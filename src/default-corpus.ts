import { fileURLToPath } from 'node:url';

/**
 * The project's own `seeds/` folder: the corpus when neither --corpus nor FAQBOT_CORPUS says
 * otherwise. Resolved from this file, not the working directory, so `npx faqbot` and `npm start`
 * find it wherever they are run from.
 */
export const DEFAULT_CORPUS_DIR = fileURLToPath(new URL('../seeds', import.meta.url));
