import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusError, FaqFileError } from '../../src/errors.ts';
import { loadEngine } from '../../src/load-engine.ts';
import { MAX_FILE_BYTES } from '../../src/corpus/read-text-file.ts';

/**
 * What a corpus folder may hold: regular UTF-8 text files of a sane size, inside the folder. A
 * reload over anything else fails with a message naming the file and what to do, never hangs
 * (a FIFO), never reads outside the folder (a symlink), never indexes a huge dump.
 */
function corpus(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-files-'));
  fs.writeFileSync(path.join(dir, 'a.md'), '# Nebula\n\nNASA built Nebula at Ames in 2008.\n');
  return dir;
}

describe('corpus files', () => {
  it('a FIFO named like an article is refused at once, not read (which would wait forever)', async () => {
    const dir = corpus();
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    await expect(loadEngine(dir)).rejects.toThrow(CorpusError);
    await expect(loadEngine(dir)).rejects.toThrow(/pipe\.txt: it is a named pipe \(FIFO\), not a regular file/);
  });

  it('a symbolic link to a file outside the folder is refused; one to a file inside is read', async () => {
    const dir = corpus();
    const outside = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'faqbot-outside-')), 'secret.txt');
    fs.writeFileSync(outside, 'Secret\n\nThe root password is hunter2.\n');
    fs.symlinkSync(outside, path.join(dir, 'leak.txt'));
    await expect(loadEngine(dir)).rejects.toThrow(/leak\.txt: it is a symbolic link to .*secret\.txt, outside the corpus folder/);
    fs.rmSync(path.join(dir, 'leak.txt'));
    fs.symlinkSync(path.join(dir, 'a.md'), path.join(dir, 'b.md'));
    expect((await loadEngine(dir)).articles.map((a) => a.source)).toEqual(['a.md', 'b.md']);
  });

  it('a device is refused', async () => {
    const dir = corpus();
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
    // /dev is outside the folder, so the link is refused before the device is opened.
    await expect(loadEngine(dir)).rejects.toThrow(/zero\.txt: it is a symbolic link to \/dev\/zero/);
  });

  it('a file over the size limit is refused, naming its size', async () => {
    const dir = corpus();
    fs.writeFileSync(path.join(dir, 'dump.txt'), Buffer.alloc(MAX_FILE_BYTES + 1, 'a'));
    await expect(loadEngine(dir)).rejects.toThrow(/dump\.txt: it is 8\.0 MB, over the 8\.0 MB limit for one file/);
  });

  it('an article that is not UTF-8 is refused, naming the line to fix', async () => {
    const dir = corpus();
    fs.writeFileSync(path.join(dir, 'latin1.txt'), Buffer.concat([Buffer.from('Caf\n\nFirst line.\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait.\n')]));
    await expect(loadEngine(dir)).rejects.toThrow(/latin1\.txt: it is not UTF-8 text \(the first bad bytes are on line 4\); save it as UTF-8/);
  });

  it('a faq.yml that is not UTF-8 is a FAQ file error saying so', async () => {
    const dir = corpus();
    fs.writeFileSync(path.join(dir, 'faq.yml'), Buffer.concat([Buffer.from('entries:\n  - id: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    await expect(loadEngine(dir)).rejects.toThrow(FaqFileError);
    await expect(loadEngine(dir)).rejects.toThrow(/faq\.yml: cannot read the FAQ file \(it is not UTF-8 text \(the first bad bytes are on line 2\)/);
  });
});
