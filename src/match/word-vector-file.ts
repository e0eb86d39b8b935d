import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { FaqbotError } from '../errors.ts';

/**
 * The shipped word-vector file: English words with 100-dimensional vectors, quantized to int8 with
 * one float32 scale per word (a vector is `scale × int8s`), in frequency order (the most frequent
 * word first, which is what SIF weighting needs). Layout, little-endian:
 *
 *   bytes 0..7    magic "FQWVEC01"
 *   uint32        word count N
 *   uint32        dimensions D
 *   bytes 32      SHA-256 of everything after the header
 *   uint32        byte length W of the word list
 *   W bytes       the words, UTF-8, joined by "\n"
 *   N × float32   per-word scales (4-byte aligned: padded after the word list)
 *   N × D int8    the quantized vectors
 *
 * The checksum makes a truncated or corrupted file a clear error at load, not silent nonsense.
 */
const MAGIC = 'FQWVEC01';
const HEADER = 8 + 4 + 4 + 32;

export interface WordVectors {
  readonly dimensions: number;
  /** Words in frequency order; a word's rank is its index. */
  readonly words: readonly string[];
  readonly rankOf: ReadonlyMap<string, number>;
  readonly scales: Float32Array;
  readonly values: Int8Array;
}

/** Encodes float vectors (row-major, `words.length × dimensions`) into the file's bytes. */
export function encodeWordVectors(words: readonly string[], dimensions: number, vectors: Float32Array): Buffer {
  const wordBytes = Buffer.from(words.join('\n'), 'utf8');
  const pad = (4 - ((4 + wordBytes.length) % 4)) % 4;
  const scales = new Float32Array(words.length);
  const values = new Int8Array(words.length * dimensions);
  for (let w = 0; w < words.length; w++) {
    let max = 0;
    for (let d = 0; d < dimensions; d++) max = Math.max(max, Math.abs(vectors[w * dimensions + d]!));
    const scale = max / 127 || 1;
    scales[w] = scale;
    for (let d = 0; d < dimensions; d++) values[w * dimensions + d] = Math.round(vectors[w * dimensions + d]! / scale);
  }
  const length = Buffer.alloc(4);
  length.writeUInt32LE(wordBytes.length);
  const body = Buffer.concat([length, wordBytes, Buffer.alloc(pad), Buffer.from(scales.buffer), Buffer.from(values.buffer)]);
  const header = Buffer.alloc(HEADER);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(words.length, 8);
  header.writeUInt32LE(dimensions, 12);
  createHash('sha256').update(body).digest().copy(header, 16);
  return Buffer.concat([header, body]);
}

/** Reads and verifies the file; any problem is a FaqbotError naming the file and what to do. */
export function readWordVectors(file: string): WordVectors {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (cause) {
    throw new FaqbotError('vectors_invalid', `Cannot read the word-vector file ${file}; run \`npm run build:vectors\` to make it.`, { cause });
  }
  return decodeWordVectors(bytes, file);
}

export function decodeWordVectors(bytes: Buffer, file: string): WordVectors {
  const broken = (why: string): FaqbotError =>
    new FaqbotError('vectors_invalid', `The word-vector file ${file} is corrupted (${why}); rebuild it with \`npm run build:vectors\` or restore it from git.`);
  if (bytes.length < HEADER + 4 || bytes.toString('latin1', 0, 8) !== MAGIC) throw broken('not a faqbot word-vector file');
  const count = bytes.readUInt32LE(8);
  const dimensions = bytes.readUInt32LE(12);
  const body = bytes.subarray(HEADER);
  if (!createHash('sha256').update(body).digest().equals(bytes.subarray(16, HEADER))) throw broken('checksum mismatch');
  const wordLength = body.readUInt32LE(0);
  const pad = (4 - ((4 + wordLength) % 4)) % 4;
  const scalesAt = 4 + wordLength + pad;
  const valuesAt = scalesAt + count * 4;
  if (dimensions === 0 || valuesAt + count * dimensions !== body.length) throw broken('sizes do not add up');
  const words = body.toString('utf8', 4, 4 + wordLength).split('\n');
  if (words.length !== count) throw broken('word count does not match');
  // Copies, so the arrays are aligned and the file's buffer can be released.
  const scales = new Float32Array(body.buffer.slice(body.byteOffset + scalesAt, body.byteOffset + valuesAt));
  const values = new Int8Array(body.buffer.slice(body.byteOffset + valuesAt, body.byteOffset + body.length));
  const rankOf = new Map<string, number>();
  words.forEach((word, i) => {
    if (!rankOf.has(word)) rankOf.set(word, i);
  });
  return { dimensions, words, rankOf, scales, values };
}
