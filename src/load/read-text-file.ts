/** Reads an input file as strict UTF-8, turning every failure into a diagnostic at a useful position. */
import { isUtf8 } from 'node:buffer';
import { readFileSync, type Stats, statSync } from 'node:fs';
import { type Diagnostic, error, type SourcePosition } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/source-map.js';
import { MAX_BIBTEX_BYTES } from './limits.js';

export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/** Input files larger than this are refused (unless the caller gives its own limit): see limits.ts. */
export const MAX_INPUT_BYTES = MAX_BIBTEX_BYTES;

/**
 * Only a regular file is read: a device (`/dev/urandom`, `/dev/zero`) never ends, and opening a FIFO waits
 * for a writer that may never come. Its size is checked before a byte is read.
 *
 * @param displayPath the path as shown in messages
 * @param referencedAt where the file was named (a YAML `file:` node); messages about a missing file point there
 * @param maxBytes files larger than this are refused (default MAX_INPUT_BYTES)
 */
export function readTextFile(
  path: string,
  displayPath: string,
  referencedAt?: SourcePosition,
  maxBytes: number = MAX_INPUT_BYTES,
): ReadResult {
  let bytes: Buffer;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) {
      return {
        ok: false,
        diagnostic: error({
          code: 'file-unreadable',
          message: `cannot read \`${displayPath}\`: it is ${notRegular(stats)}, not a regular file`,
          position: referencedAt,
          hints: ['name a file that holds the text (vita reads only regular files)'],
        }),
      };
    }
    if (stats.size > maxBytes) return tooLarge(displayPath, stats.size, maxBytes, referencedAt);
    bytes = readFileSync(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : String((cause as Error).message);
    return {
      ok: false,
      diagnostic: error({
        code: 'file-unreadable',
        message: `cannot read \`${displayPath}\`: ${reason}`,
        position: referencedAt,
        hints:
          code === 'ENOENT'
            ? ['check the path; relative paths resolve against the folder of the first YAML file']
            : [],
      }),
    };
  }
  // The file may have grown between the check and the read.
  if (bytes.length > maxBytes) return tooLarge(displayPath, bytes.length, maxBytes, referencedAt);
  const invalidAt = firstInvalidUtf8(bytes);
  if (invalidAt >= 0) {
    const before = bytes.subarray(0, invalidAt).toString('utf8');
    const position = new LineIndex(before).position(displayPath, before.length);
    return {
      ok: false,
      diagnostic: error({
        code: 'file-not-utf8',
        message: `\`${displayPath}\` is not valid UTF-8 (byte 0x${(bytes[invalidAt] ?? 0).toString(16).padStart(2, '0')} at offset ${invalidAt})`,
        position,
        hints: ['save the file as UTF-8 (most editors: "Save with encoding")'],
      }),
    };
  }
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

function tooLarge(
  displayPath: string,
  size: number,
  maxBytes: number,
  referencedAt?: SourcePosition,
): ReadResult {
  const mb = (n: number) => `${Math.round((n / 1048576) * 10) / 10} MB`;
  return {
    ok: false,
    diagnostic: error({
      code: 'file-too-large',
      message: `\`${displayPath}\` is ${mb(size)}; files of this kind above ${mb(maxBytes)} are refused`,
      position: referencedAt,
      hints: ['check the file name: a CV is a few hundred kilobytes'],
    }),
  };
}

function notRegular(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}

/** Offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  // Validation without decoding (a fatal TextDecoder would build the whole text once more, only to drop it);
  // the exact byte is found with a linear scan, only on failure.
  if (isUtf8(bytes)) return -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
