import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AtomicWriteError,
  removeStaleTempFiles,
  STALE_TEMP_AGE_MS,
  TEMP_MARKER,
  WRITE_CHUNK_CHARS,
  writeFileAtomically,
  writeFilesAtomically,
} from '../../src/util/atomic-write.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

describe('writeFilesAtomically', () => {
  it('writes text and bytes, creating folders, and returns the final paths in order', () => {
    const dir = tempDir();
    const written = writeFilesAtomically([
      { path: path.join(dir, 'a', 'cv.md'), contents: '# CV\n' },
      { path: path.join(dir, 'cv.pdf'), contents: new Uint8Array([37, 80, 68, 70]) },
    ]);
    expect(written).toEqual([path.join(dir, 'a', 'cv.md'), path.join(dir, 'cv.pdf')]);
    expect(readFileSync(path.join(dir, 'a', 'cv.md'), 'utf8')).toBe('# CV\n');
    expect(readFileSync(path.join(dir, 'cv.pdf'), 'latin1')).toBe('%PDF');
    expect(readdirSync(dir).sort()).toEqual(['a', 'cv.pdf']);
  });

  it('writes a long text in pieces with exactly the bytes of its UTF-8 encoding', () => {
    const dir = tempDir();
    const at = (n: number, piece: string) => `${'a'.repeat(n)}${piece}`;
    const texts = [
      // A surrogate pair across the boundary of two pieces, in either order of the halves' positions.
      at(WRITE_CHUNK_CHARS - 1, '😀 end'),
      at(WRITE_CHUNK_CHARS - 2, '😀😀'),
      `${'é–'.repeat(WRITE_CHUNK_CHARS)}\u{1F600}`,
      // Lone surrogates are written as U+FFFD, as Buffer.from writes them, also at a boundary.
      at(WRITE_CHUNK_CHARS - 1, '\ud800x\udc00'),
      at(WRITE_CHUNK_CHARS * 2, ''),
      'ü',
      '',
    ];
    for (const [i, text] of texts.entries()) {
      const file = path.join(dir, `${i}.html`);
      writeFileAtomically(file, text);
      expect(readFileSync(file).equals(Buffer.from(text, 'utf8')), `text ${i}`).toBe(true);
    }
  });

  it('replaces an existing file', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'cv.md'), 'old');
    writeFileAtomically(path.join(dir, 'cv.md'), 'new');
    expect(readFileSync(path.join(dir, 'cv.md'), 'utf8')).toBe('new');
  });

  it('renames nothing when one file cannot be written, and leaves no temporary file', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'cv.md'), 'old');
    // A file where a folder should be: the second file cannot be created.
    writeFileSync(path.join(dir, 'blocked'), 'a file');
    expect(() =>
      writeFilesAtomically([
        { path: path.join(dir, 'cv.md'), contents: 'new' },
        { path: path.join(dir, 'blocked', 'cv.html'), contents: '<p>' },
      ]),
    ).toThrow();
    expect(readFileSync(path.join(dir, 'cv.md'), 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['blocked', 'cv.md']);
  });

  it('removes its temporary file when the rename fails', () => {
    const dir = tempDir();
    // A folder in the way of the target makes the rename fail.
    mkdirSync(path.join(dir, 'x'));
    writeFileSync(path.join(dir, 'x', 'inner.json'), '{}');
    expect(() => writeFileAtomically(path.join(dir, 'x'), '{}')).toThrow();
    expect(readdirSync(dir)).toEqual(['x']);
    expect(readdirSync(dir).some((f) => f.includes(TEMP_MARKER))).toBe(false);
  });
});

describe('a rename that fails half-way', () => {
  it('names the files already replaced (a folder in the way of the second)', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'cv.md'), 'old');
    mkdirSync(path.join(dir, 'index.html'));
    writeFileSync(path.join(dir, 'index.html', 'inside'), 'x');
    let caught: unknown;
    try {
      writeFilesAtomically([
        { path: path.join(dir, 'cv.md'), contents: 'new' },
        { path: path.join(dir, 'index.html'), contents: '<p>' },
        { path: path.join(dir, 'cv.json'), contents: '{}' },
      ]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AtomicWriteError);
    const failure = caught as AtomicWriteError;
    expect(failure.replaced).toEqual([path.join(dir, 'cv.md')]);
    expect(failure.code).toMatch(/^(EISDIR|ENOTEMPTY|EEXIST|EPERM)$/);
    expect(readFileSync(path.join(dir, 'cv.md'), 'utf8')).toBe('new');
    // The third was never renamed and its temporary file is gone.
    expect(readdirSync(dir).sort()).toEqual(['cv.md', 'index.html']);
  });

  it('names nothing when the failure comes before any rename', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'blocked'), 'a file');
    try {
      writeFilesAtomically([{ path: path.join(dir, 'blocked', 'cv.md'), contents: 'x' }]);
      expect.unreachable();
    } catch (error) {
      expect((error as AtomicWriteError).replaced).toEqual([]);
      expect((error as AtomicWriteError).code).toMatch(/^E[A-Z]+$/);
    }
  });
});

describe('removeStaleTempFiles', () => {
  /** A process id that is not running: the highest possible Linux pid is 4194304. */
  const DEAD_PID = 99_999_999;

  it("removes a dead writer's leftovers and old ones, keeps a live writer's fresh ones and other files", () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'images'));
    const dead = path.join(dir, `cv.md${TEMP_MARKER}${DEAD_PID}-0123abcd`);
    const deadInSub = path.join(dir, 'images', `a.png${TEMP_MARKER}${DEAD_PID}-89abcdef`);
    const liveFresh = path.join(dir, `cv.pdf${TEMP_MARKER}${process.pid}-00000000`);
    const liveOld = path.join(dir, `cv.json${TEMP_MARKER}${process.pid}-11111111`);
    const unrelated = [path.join(dir, `notes${TEMP_MARKER}draft`), path.join(dir, 'cv.md')];
    for (const file of [dead, deadInSub, liveFresh, liveOld, ...unrelated]) writeFileSync(file, 'x');
    const longAgo = new Date(Date.now() - STALE_TEMP_AGE_MS - 60_000);
    utimesSync(liveOld, longAgo, longAgo);

    const removed = removeStaleTempFiles([dir, path.join(dir, 'images'), dir]);
    expect(removed.sort()).toEqual([dead, deadInSub, liveOld].sort());
    for (const file of [liveFresh, ...unrelated]) expect(existsSync(file), file).toBe(true);
    expect(readdirSync(path.join(dir, 'images'))).toEqual([]);
  });

  it('passes over folders that do not exist', () => {
    expect(removeStaleTempFiles([path.join(tempDir(), 'missing')])).toEqual([]);
  });
});
