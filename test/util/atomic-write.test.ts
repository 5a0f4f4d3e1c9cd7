import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMP_MARKER, writeFileAtomically, writeFilesAtomically } from '../../src/util/atomic-write.js';
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
