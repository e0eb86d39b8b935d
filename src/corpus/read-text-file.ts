import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Largest article or faq.yml read (bytes): a stray dump or log file in the folder is refused, not indexed. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** Why a file of the corpus was not read, in words for the person who put it there. */
export class RefusedFileError extends Error {
  /** ENOENT, EACCES… for a failed read; undefined for a refusal of ours (kind, size, encoding). */
  readonly code: string | undefined;

  constructor(reason: string, code?: string) {
    super(reason);
    this.name = 'RefusedFileError';
    this.code = code;
  }
}

/**
 * Reads a text file of the corpus folder `folder`, refusing what is not an ordinary UTF-8 text file
 * of it: FIFOs, devices and sockets (reading one would block the reload forever, or never end),
 * symbolic links to files outside the folder, files over `maxBytes`, and bytes that are not UTF-8
 * (named by line, so the file can be re-saved as UTF-8). Rejects with RefusedFileError.
 */
export async function readTextFile(file: string, folder: string, maxBytes = MAX_FILE_BYTES): Promise<string> {
  let real: string;
  try {
    const link = await fs.lstat(file);
    real = link.isSymbolicLink() ? await fs.realpath(file) : file;
    if (link.isSymbolicLink()) {
      const root = await fs.realpath(folder);
      if (real !== root && !real.startsWith(root + path.sep)) throw new RefusedFileError(`it is a symbolic link to ${real}, outside the corpus folder; only files inside the folder are read`);
    }
  } catch (error) {
    throw asRefused(error);
  }
  // O_NONBLOCK: should the file have become a FIFO since, opening it does not wait for a writer.
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw asRefused(error);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new RefusedFileError(`it is ${kindOf(stat)}, not a regular file; only regular files are read`);
    if (stat.size > maxBytes) throw new RefusedFileError(`it is ${megabytes(stat.size)}, over the ${megabytes(maxBytes)} limit for one file`);
    const bytes = await handle.readFile();
    if (bytes.length > maxBytes) throw new RefusedFileError(`it is over the ${megabytes(maxBytes)} limit for one file`);
    return decodeUtf8(bytes);
  } catch (error) {
    throw asRefused(error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // The first replacement character of a lenient decode is where the bad bytes are.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const at = lenient.indexOf('\uFFFD');
    const line = at < 0 ? 1 : lenient.slice(0, at).split('\n').length;
    throw new RefusedFileError(`it is not UTF-8 text (the first bad bytes are on line ${line}); save it as UTF-8`);
  }
}

function asRefused(error: unknown): RefusedFileError {
  if (error instanceof RefusedFileError) return error;
  const code = (error as { code?: string }).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'ELOOP' ? 'a symbolic link loop' : (code ?? String(error));
  return new RefusedFileError(reason, code);
}

function kindOf(stat: import('node:fs').Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isDirectory()) return 'a folder';
  return 'not a file';
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
