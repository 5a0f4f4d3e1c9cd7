/**
 * Writing files so that a reader (or a crash, or a full disk) never leaves half a file: each file is
 * written to a temporary name beside its final path and flushed to disk (fsync), then all of them are
 * renamed into place, then each folder is flushed so the renames themselves survive a power cut.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export interface FileToWrite {
  /** The final path (absolute, or relative to the working directory). */
  readonly path: string;
  readonly contents: string | Uint8Array;
}

/** The marker in every temporary file name, so a later run can recognise leftovers. */
export const TEMP_MARKER = '.vita-tmp-';

/**
 * Writes every file atomically and as one step as far as the platform allows: nothing is renamed until
 * all are written and flushed. On failure the temporary files are removed and the error is rethrown;
 * files renamed before the failure (only possible if a rename itself fails) stay renamed.
 * Returns the final paths in the given order.
 */
export function writeFilesAtomically(files: readonly FileToWrite[]): string[] {
  const suffix = `${TEMP_MARKER}${process.pid}-${randomBytes(4).toString('hex')}`;
  const staged: { temp: string; final: string }[] = [];
  let renamed = 0;
  try {
    for (const file of files) {
      const final = path.resolve(file.path);
      mkdirSync(path.dirname(final), { recursive: true });
      const temp = `${final}${suffix}`;
      staged.push({ temp, final });
      writeAndFlush(temp, file.contents);
    }
    for (const s of staged) {
      renameSync(s.temp, s.final);
      renamed++;
    }
  } catch (error) {
    for (const s of staged.slice(renamed)) rmSync(s.temp, { force: true });
    throw error;
  }
  for (const folder of new Set(staged.map((s) => path.dirname(s.final)))) flushFolder(folder);
  return staged.map((s) => s.final);
}

/** One file, atomically (see `writeFilesAtomically`). */
export function writeFileAtomically(file: string, contents: string | Uint8Array): void {
  writeFilesAtomically([{ path: file, contents }]);
}

function writeAndFlush(file: string, contents: string | Uint8Array): void {
  const fd = openSync(file, 'w');
  try {
    const bytes = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents;
    let offset = 0;
    while (offset < bytes.byteLength) offset += writeSync(fd, bytes, offset, bytes.byteLength - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a folder's new entries durable. Some platforms (Windows) cannot open a folder: nothing to do there. */
function flushFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported here (EISDIR, EPERM, EINVAL): the rename is still atomic, only not yet flushed.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
