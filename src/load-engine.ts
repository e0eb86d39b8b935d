// PROVISIONAL placeholder so the surfaces can be built in parallel: the real engine (corpus → FAQ →
// index) replaces the body of loadEngine, keeping this signature.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Engine } from './engine.ts';
import type { Answer } from './answer/types.ts';
import { CorpusError } from './errors.ts';

/** Loads the corpus folder (articles + faq.yml) and builds the answer engine once. */
export async function loadEngine(corpusDir: string): Promise<Engine> {
  let files: string[];
  try {
    files = (await fs.readdir(corpusDir)).filter((f) => /\.(txt|md)$/.test(f)).sort();
  } catch (cause) {
    throw new CorpusError(`Cannot read the corpus folder ${corpusDir}: does it exist?`, { cause });
  }
  const texts = await Promise.all(files.map(async (f) => ({ source: f, text: await fs.readFile(path.join(corpusDir, f), 'utf8') })));
  const paras = texts.flatMap((t) => t.text.split(/\n+/).filter((p) => p.trim()).map((p, i) => ({ source: t.source, p, n: i + 1 })));
  const unknown = (question: string): Answer => ({ question, status: 'unknown', answer: null, citations: [], suggestions: [{ question: 'Is Microsoft joining OpenStack?', entryId: 'x' }], score: 0, entryId: null });
  const ask = (question: string): Answer => {
    const words = question.toLowerCase().split(/\W+/).filter((w) => w.length > 3);
    const hit = paras.find((x) => words.some((w) => x.p.toLowerCase().includes(w)));
    if (!hit) return unknown(question);
    return { question, status: 'answered', answer: hit.p.slice(0, 120), citations: [{ source: hit.source, title: hit.source, quote: hit.p.slice(0, 200), paragraph: hit.n }], suggestions: [], score: 0.9, entryId: `${hit.source}#${hit.n}` };
  };
  return {
    ask,
    answerEntry: (id, question) => ask(question ?? id),
    articles: texts.map((t) => ({ source: t.source, title: t.source })),
    examples: ['Is Microsoft joining OpenStack?', 'Who founded OpenStack?', 'What is Hyper-V part of?'],
  };
}
