/**
 * Reproducible builds: with SOURCE_DATE_EPOCH set, two `vita build` processes over the same CV give the same
 * bytes for every output file, although they run in different folders (input, output and working folder),
 * time zones, locales and home folders, and the second home holds a font of its own. docs/cli.md says how to
 * check the same across two machines.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, REPO_DIR, useTempDirs } from '../helpers/temp-dir.js';
import { latexAvailable } from '../latex/tools.js';

const BIN = path.join(REPO_DIR, 'bin/vita.js');
const built = existsSync(path.join(REPO_DIR, 'dist/bundle/cli.cjs'));
const tempDir = useTempDirs();
/** 2026-01-01T00:00:00Z. */
const EPOCH = '1767225600';

/** A font file installed on this machine, if any (Typst must not see it, wherever it is). */
function someSystemFont(): string | undefined {
  for (const dir of ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/truetype/liberation']) {
    if (!existsSync(dir)) continue;
    const file = readdirSync(dir).find((name) => name.endsWith('.ttf'));
    if (file) return path.join(dir, file);
  }
  return undefined;
}

/** sha256 of every file under `dir`, by relative path. */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return out;
}

/** Copies the corpus (with its enrichment cache) into a fresh folder; returns that folder. */
function corpusCopy(): string {
  const dir = path.join(tempDir(), 'some', 'deeper', 'cv folder');
  cpSync(CORPUS_DIR, dir, { recursive: true });
  const cache = path.join(REPO_DIR, 'test/fixtures/corpus-cache');
  if (existsSync(cache)) cpSync(cache, path.join(dir, '.vita-cache'), { recursive: true });
  return dir;
}

function build(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): void {
  const r = spawnSync(process.execPath, [BIN, 'build', ...args, '--offline', '-q'], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: process.env.PATH, NO_COLOR: '1', ...env },
  });
  expect(r.status, r.stderr).toBe(0);
}

describe.skipIf(!built)('reproducible builds', () => {
  it('gives byte-identical files for every target in two different environments', () => {
    const first = corpusCopy();
    build(['cv.yaml', '--out', 'out'], first, {
      SOURCE_DATE_EPOCH: EPOCH,
      TZ: 'UTC',
      LANG: 'C',
      HOME: tempDir(),
    });

    const second = corpusCopy();
    const home = tempDir();
    const font = someSystemFont();
    if (font) {
      mkdirSync(path.join(home, '.fonts'));
      copyFileSync(font, path.join(home, '.fonts', path.basename(font)));
    }
    const elsewhere = tempDir();
    build([path.join(second, 'cv.yaml'), '--out', path.join(elsewhere, 'site')], elsewhere, {
      SOURCE_DATE_EPOCH: EPOCH,
      TZ: 'Pacific/Chatham',
      LANG: 'tr_TR.UTF-8',
      LC_ALL: 'tr_TR.UTF-8',
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
    });

    const a = hashes(path.join(first, 'out'));
    const b = hashes(path.join(elsewhere, 'site'));
    for (const file of ['cv.pdf', 'index.html', 'cv.md', 'cv.tex', 'cv.json', 'cv-data.json'])
      expect(Object.keys(a)).toContain(file);
    expect(b).toEqual(a);
  });

  it('gives the same files for --date as for the same day in SOURCE_DATE_EPOCH', () => {
    const dir = tempDir();
    cpSync(path.join(REPO_DIR, 'examples/seed'), dir, { recursive: true });
    build(['cv.yaml', '--out', 'a'], dir, { SOURCE_DATE_EPOCH: EPOCH, HOME: dir });
    build(['cv.yaml', '--out', 'b', '--date', '2026-01-01'], dir, { HOME: dir, TZ: 'America/Los_Angeles' });
    expect(hashes(path.join(dir, 'b'))).toEqual(hashes(path.join(dir, 'a')));
  });

  it.skipIf(!latexAvailable)(
    'gives the same LaTeX PDF (--pdf-engine latex) in two different environments',
    () => {
      const first = tempDir();
      cpSync(path.join(REPO_DIR, 'examples/seed'), first, { recursive: true });
      build(['cv.yaml', '--only', 'pdf', '--pdf-engine', 'latex', '--out', 'out'], first, {
        SOURCE_DATE_EPOCH: EPOCH,
        TZ: 'UTC',
        HOME: first,
      });
      const second = path.join(tempDir(), 'elsewhere', 'cv');
      cpSync(path.join(REPO_DIR, 'examples/seed'), second, { recursive: true });
      const cwd = path.dirname(second);
      build([path.join('cv', 'cv.yaml'), '--only', 'pdf', '--pdf-engine', 'latex', '--out', 'site'], cwd, {
        SOURCE_DATE_EPOCH: EPOCH,
        TZ: 'Asia/Tokyo',
        LANG: 'tr_TR.UTF-8',
        HOME: cwd,
      });
      const a = hashes(path.join(first, 'out'));
      expect(Object.keys(a)).toContain('cv.pdf');
      expect(hashes(path.join(cwd, 'site'))).toEqual(a);
    },
  );
});
