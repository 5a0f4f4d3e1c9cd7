/**
 * The real `vita` process (bin/vita.js on the built bundle, as users run it): exit codes, and that it
 * exits at all (the Typst worker thread must never keep it alive).
 */

import { isAscii } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_DIR, useTempDirs } from '../helpers/temp-dir.js';

const BIN = path.join(REPO_DIR, 'bin/vita.js');
const built = existsSync(path.join(REPO_DIR, 'dist/bundle/cli.cjs'));
const tempDir = useTempDirs();

function vita(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!built)('the vita process', () => {
  it('exits 1, promptly, when the input has an error and the PDF target was asked for', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'cv.yaml'), 'name: Ada\npaper: a3\n');
    const r = vita(['build', 'cv.yaml', '--offline'], dir);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cv.yaml:2:8: error');
    const missing = vita(['build', 'nope.yaml', '--offline'], dir);
    expect(missing.signal).toBeNull();
    expect(missing.code).toBe(1);
  });

  it('builds every target of the example and exits 0', () => {
    const out = path.join(tempDir(), 'out');
    const r = vita(
      ['build', path.join(REPO_DIR, 'examples/seed/cv.yaml'), '--out', out, '--offline', '-q'],
      REPO_DIR,
    );
    expect(r.code, r.stderr).toBe(0);
    for (const file of ['cv.md', 'index.html', 'cv.pdf', 'cv.tex', 'cv.json'])
      expect(existsSync(path.join(out, file))).toBe(true);
  });

  it('exits 2 with the help text when given no command', () => {
    const r = vita([], REPO_DIR);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('Usage: vita');
  });

  it('keeps its compiled code in the cache folder, and runs the same from it', () => {
    const cache = path.join(tempDir(), 'compile-cache');
    const env = { VITA_COMPILE_CACHE: cache };
    const args = [
      'build',
      path.join(REPO_DIR, 'examples/seed/cv.yaml'),
      '--out',
      tempDir(),
      '--only',
      'md',
      '--offline',
    ];
    const first = vita(args, REPO_DIR, env);
    expect(first.code, first.stderr).toBe(0);
    const files = readdirSync(cache);
    expect(files.filter((name) => name.endsWith('.bin'))).toHaveLength(1);
    const second = vita(args, REPO_DIR, env);
    expect(second).toEqual(first);
    expect(readdirSync(cache)).toEqual(files);
    expect(vita(args, REPO_DIR, { VITA_COMPILE_CACHE: 'off' })).toEqual(first);
  });

  it('is one ASCII file, read as a one-byte string (scripts/bundle.js escapes the rest)', () => {
    expect(isAscii(readFileSync(path.join(REPO_DIR, 'dist/bundle/cli.cjs')))).toBe(true);
  });
});
