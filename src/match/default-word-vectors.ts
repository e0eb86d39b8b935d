import { fileURLToPath } from 'node:url';
import { readWordVectors, type WordVectors } from './word-vector-file.ts';

/** The project's shipped vectors (made by `npm run build:vectors`), found from this file, not the cwd. */
export const DEFAULT_WORD_VECTORS_FILE = fileURLToPath(new URL('../../assets/word-vectors.bin', import.meta.url));

let loaded: WordVectors | undefined;

/** The shipped word vectors, read once per process (about 0.1 s) and shared by every index built. */
export function defaultWordVectors(): WordVectors {
  return (loaded ??= readWordVectors(DEFAULT_WORD_VECTORS_FILE));
}
