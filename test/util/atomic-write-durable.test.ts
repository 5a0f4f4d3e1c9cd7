/**
 * `durable`: a build flushes each file and its folder to disk before and after renaming; watch mode's
 * preview writes without flushing (the rename is still atomic), which saves ~5-10 ms per file on each save.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir.js';

const flushes = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  return {
    ...fs,
    fsyncSync: (fd: number) => {
      flushes.count++;
      fs.fsyncSync(fd);
    },
  };
});

const { writeFilesAtomically } = await import('../../src/util/atomic-write.js');
const tempDir = useTempDirs();

describe('writeFilesAtomically: durable', () => {
  beforeEach(() => {
    flushes.count = 0;
  });

  it('flushes every file and its folder by default', () => {
    const dir = tempDir();
    writeFilesAtomically([
      { path: path.join(dir, 'a.html'), contents: 'a' },
      { path: path.join(dir, 'b.json'), contents: 'b' },
    ]);
    expect(flushes.count).toBeGreaterThanOrEqual(3);
  });

  it('writes the same files, atomically, without flushing when durable is false', () => {
    const dir = tempDir();
    const written = writeFilesAtomically(
      [
        { path: path.join(dir, 'a.html'), contents: 'a' },
        { path: path.join(dir, 'b.json'), contents: 'b' },
      ],
      { durable: false },
    );
    expect(flushes.count).toBe(0);
    expect(written.map((f) => readFileSync(f, 'utf8'))).toEqual(['a', 'b']);
    expect(readdirSync(dir).sort()).toEqual(['a.html', 'b.json']);
  });
});
