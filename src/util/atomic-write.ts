/**
 * Writing files so that a reader (or a crash, or a full disk) never leaves half a file: each file is
 * written to a temporary name beside its final path and flushed to disk (fsync), then all of them are
 * renamed into place, then each folder is flushed so the renames themselves survive a power cut.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

export interface FileToWrite {
  /** The final path (absolute, or relative to the working directory). */
  readonly path: string;
  readonly contents: string | Uint8Array;
}

/** The marker in every temporary file name, so a later run can recognise leftovers. */
export const TEMP_MARKER = '.vita-tmp-';

/**
 * A write that failed. `replaced` names the final paths already renamed into place before the failure
 * (only possible when a rename itself fails, half-way through): those files are new, all others unchanged.
 * `code` and `message` are the file system's (ENOSPC, EACCES, ...).
 */
export class AtomicWriteError extends Error {
  readonly code: string | undefined;
  constructor(
    readonly cause: unknown,
    readonly replaced: readonly string[],
  ) {
    super((cause as Error)?.message ?? String(cause));
    this.name = 'AtomicWriteError';
    this.code = (cause as NodeJS.ErrnoException)?.code;
  }
}

/** How a write reaches the disk. */
export interface WriteOptions {
  /**
   * Flush each file and its folder (fsync) so the write survives a power cut; default true. Watch mode turns
   * it off: a reader still never sees half a file (the rename is atomic), and the next save writes again.
   */
  readonly durable?: boolean | undefined;
  /** Permissions of the files written (before the umask); default 0o666. */
  readonly mode?: number | undefined;
}

/**
 * Writes every file atomically and as one step as far as the platform allows: nothing is renamed until
 * all are written and flushed. On failure the temporary files are removed and an `AtomicWriteError` is
 * thrown; files renamed before the failure (only possible if a rename itself fails) stay renamed and are
 * listed in its `replaced`. Returns the final paths in the given order.
 */
export function writeFilesAtomically(files: readonly FileToWrite[], options: WriteOptions = {}): string[] {
  const durable = options.durable ?? true;
  const suffix = `${TEMP_MARKER}${process.pid}-${randomBytes(4).toString('hex')}`;
  const staged: { temp: string; final: string }[] = [];
  let renamed = 0;
  try {
    for (const file of files) {
      const final = path.resolve(file.path);
      mkdirSync(path.dirname(final), { recursive: true });
      const temp = `${final}${suffix}`;
      staged.push({ temp, final });
      writeAndFlush(temp, file.contents, durable, options.mode);
    }
    for (const s of staged) {
      renameSync(s.temp, s.final);
      renamed++;
    }
  } catch (error) {
    for (const s of staged.slice(renamed)) rmSync(s.temp, { force: true });
    throw new AtomicWriteError(
      error,
      staged.slice(0, renamed).map((s) => s.final),
    );
  }
  if (durable) for (const folder of new Set(staged.map((s) => path.dirname(s.final)))) flushFolder(folder);
  return staged.map((s) => s.final);
}

/** One file, atomically (see `writeFilesAtomically`). */
export function writeFileAtomically(file: string, contents: string | Uint8Array): void {
  writeFilesAtomically([{ path: file, contents }]);
}

/** A temporary name this module made: `<final>.vita-tmp-<pid>-<8 hex digits>`. */
const TEMP_NAME = new RegExp(`^(.+)${TEMP_MARKER.replace(/[.]/g, '\\.')}(\\d+)-[0-9a-f]{8}$`);

/** Leftovers of a writer that is gone are removed; a live writer's are kept unless older than this. */
export const STALE_TEMP_AGE_MS = 10 * 60 * 1000;

/**
 * Removes the temporary files a killed or failed run left in `folders` (not their subfolders): those whose
 * process is no longer alive, and any older than `STALE_TEMP_AGE_MS` (the process id may have been reused).
 * A live writer's fresh files are kept: it may be writing right now. Returns the paths removed.
 */
export function removeStaleTempFiles(folders: Iterable<string>, now: number = Date.now()): string[] {
  const removed: string[] = [];
  for (const folder of new Set([...folders].map((f) => path.resolve(f)))) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const match = TEMP_NAME.exec(name);
      if (!match) continue;
      const file = path.join(folder, name);
      try {
        const stat = statSync(file);
        if (!stat.isFile()) continue;
        const pid = Number(match[2]);
        if (isAlive(pid) && now - stat.mtimeMs < STALE_TEMP_AGE_MS) continue;
        rmSync(file, { force: true });
        removed.push(file);
      } catch {
        // Gone meanwhile, or not ours to remove: left alone.
      }
    }
  }
  return removed;
}

function isAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function writeAndFlush(
  file: string,
  contents: string | Uint8Array,
  durable: boolean,
  mode: number | undefined,
): void {
  const fd = openSync(file, 'w', mode);
  try {
    if (typeof contents === 'string') writeText(fd, contents);
    else writeBytes(fd, contents, contents.byteLength);
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeBytes(fd: number, bytes: Uint8Array, length: number): void {
  let offset = 0;
  while (offset < length) offset += writeSync(fd, bytes, offset, length - offset);
}

/** Characters of text encoded and written at a time (see `writeText`). */
export const WRITE_CHUNK_CHARS = 1 << 18;
let scratch: Uint8Array | undefined;
const encoder = new TextEncoder();

/**
 * Text as UTF-8, encoded piece by piece into one reused buffer. Encoding a 43 MB page in one go took 4-6
 * times longer (150-250 ms against 30-60 ms, measured on a 10,000-paper page): the time went into the
 * page faults of a fresh buffer as large as the file, not into the encoding.
 */
function writeText(fd: number, text: string): void {
  if (text.length <= WRITE_CHUNK_CHARS) {
    const bytes = Buffer.from(text, 'utf8');
    writeBytes(fd, bytes, bytes.byteLength);
    return;
  }
  scratch ??= new Uint8Array(WRITE_CHUNK_CHARS * 3 + 3);
  const buffer = scratch;
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + WRITE_CHUNK_CHARS);
    // A surrogate pair stays in one piece (split, each half would be written as U+FFFD).
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    const { written } = encoder.encodeInto(text.slice(start, end), buffer);
    writeBytes(fd, buffer, written);
    start = end;
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
