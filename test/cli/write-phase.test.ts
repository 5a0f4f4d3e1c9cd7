/**
 * The write phase as the user sees it (issue 19): leftovers of an interrupted build are removed with a
 * warning, and a rename that fails half-way names exactly the outputs it replaced.
 */
import * as fs from 'node:fs';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEMP_MARKER } from '../../src/util/atomic-write.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';

/** When set, the rename onto a final path with this base name fails as if the file system refused it. */
let failRenameOnto: string | undefined;

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const renameSync: typeof real.renameSync = (from, to) => {
    if (failRenameOnto !== undefined && path.basename(String(to)) === failRenameOnto) {
      throw Object.assign(new Error(`EIO: i/o error, rename '${String(from)}' -> '${String(to)}'`), {
        code: 'EIO',
        syscall: 'rename',
      });
    }
    return real.renameSync(from, to);
  };
  return { ...real, renameSync, default: { ...real, renameSync } };
});

afterEach(() => {
  failRenameOnto = undefined;
});

const tempDir = useTempDirs();
const CV = 'name:\n  first: Ada\n  last: Lovelace\n';

function cvFolder(): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'cv.yaml'), CV);
  return dir;
}

describe('leftover temporary files', () => {
  it("the next build removes a killed build's temporary files and says how many", async () => {
    const dir = cvFolder();
    mkdirSync(path.join(dir, 'out'));
    const leftovers = [`cv.md${TEMP_MARKER}99999999-0badc0de`, `index.html${TEMP_MARKER}99999998-deadbeef`];
    for (const name of leftovers) writeFileSync(path.join(dir, 'out', name), 'half');
    const run = await runCli(['build', 'cv.yaml', '--out', 'out', '--only', 'md,html', '--offline'], {
      cwd: dir,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/warning: removed 2 temporary files an interrupted earlier build left behind/);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['cv.md', 'index.html']);
  });

  it('a build with nothing to clean says nothing about it', async () => {
    const dir = cvFolder();
    const run = await runCli(['build', 'cv.yaml', '--out', 'out', '--only', 'md', '--offline'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('temporary');
  });
});

describe('a rename that fails half-way', () => {
  it('names the outputs already replaced instead of "nothing was written"', async () => {
    const dir = cvFolder();
    const out = path.join(dir, 'out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'cv.md'), 'old md');
    writeFileSync(path.join(out, 'index.html'), 'old html');
    failRenameOnto = 'index.html';
    const run = await runCli(['build', 'cv.yaml', '--out', 'out', '--only', 'md,html', '--offline'], {
      cwd: dir,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`already replaced before the failure: \`${path.join(out, 'cv.md')}\``);
    expect(run.stderr).toContain(
      `only these files were replaced: ${path.join('out', 'cv.md')}; every other output is unchanged`,
    );
    expect(run.stderr).not.toContain('nothing was written');
    expect(readFileSync(path.join(out, 'cv.md'), 'utf8')).not.toBe('old md');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('old html');
    expect(readdirSync(out).sort()).toEqual(['cv.md', 'index.html']);
  });

  it('a failure before any rename still says "nothing was written"', async () => {
    const dir = cvFolder();
    failRenameOnto = 'cv.md';
    const run = await runCli(['build', 'cv.yaml', '--out', 'out', '--only', 'md,html', '--offline'], {
      cwd: dir,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nothing was written');
    expect(existsSync(path.join(dir, 'out', 'index.html'))).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'out'))).toEqual([]);
  });
});
