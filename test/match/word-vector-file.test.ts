import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WORD_VECTORS_FILE } from '../../src/match/default-word-vectors.ts';
import { encodeWordVectors, readWordVectors } from '../../src/match/word-vector-file.ts';
import { cosine, SentenceVectors } from '../../src/match/sentence-vectors.ts';

const temp = (name: string, bytes: Buffer): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-vectors-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};

describe('the shipped word-vector file', () => {
  it('loads 100,000 words of 100 dimensions, most frequent first', () => {
    const vectors = readWordVectors(DEFAULT_WORD_VECTORS_FILE);
    expect(vectors.words.length).toBe(100_000);
    expect(vectors.dimensions).toBe(100);
    expect(vectors.rankOf.get('the')).toBeLessThan(vectors.rankOf.get('automobile')!);
  });

  it('puts words of like meaning close together (car/automobile) and unlike ones apart', () => {
    const sif = new SentenceVectors(readWordVectors(DEFAULT_WORD_VECTORS_FILE));
    const car = sif.embed(['buy', 'car']);
    expect(cosine(car, sif.embed(['purchase', 'automobile']))).toBeGreaterThan(cosine(car, sif.embed(['feed', 'dog'])) + 0.2);
  });
});

describe('a damaged word-vector file', () => {
  const good = encodeWordVectors(['alpha', 'beta'], 3, Float32Array.of(1, 0, 0, 0, 1, 0));

  it('round-trips what it was given (to int8 precision)', () => {
    const vectors = readWordVectors(temp('ok.bin', good));
    expect(vectors.words).toEqual(['alpha', 'beta']);
    expect(vectors.values[0]! * vectors.scales[0]!).toBeCloseTo(1, 2);
  });

  it('a flipped byte is a clear error naming the file', () => {
    const bad = Buffer.from(good);
    bad[bad.length - 1]! ^= 0xff;
    const file = temp('flipped.bin', bad);
    expect(() => readWordVectors(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is corrupted \\(checksum mismatch\\)`));
  });

  it('a truncated file, or not a vector file at all, is an error too', () => {
    expect(() => readWordVectors(temp('short.bin', good.subarray(0, good.length - 5)))).toThrow(/is corrupted/);
    expect(() => readWordVectors(temp('text.bin', Buffer.from('hello world, this is not vectors at all.....')))).toThrow(/not a faqbot word-vector file/);
  });

  it('a missing file says how to make it', () => {
    expect(() => readWordVectors('/nonexistent/vectors.bin')).toThrow(/npm run build:vectors/);
  });
});
