/**
 * `kill -9` during a build never loses or tears a file (issue 18): the corpus CV (test/fixtures/bamos-cv) is
 * built over an earlier build of a changed copy, and the real `vita` process (bin/vita.js on the built
 * bundle) is killed with SIGKILL at delays spread over the whole run, from before it has read anything to
 * after it has written everything. After each kill, every output is byte for byte the earlier build's or
 * the new build's (temporary files a killed build leaves are the next build's to remove, and are not
 * outputs), none is missing, and the PDF parses.
 */
import { spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEMP_MARKER } from '../../src/util/atomic-write.js';
import { pdfFlatText } from '../helpers/pdf.js';
import { CORPUS_DIR, REPO_DIR, useTempDirs } from '../helpers/temp-dir.js';

const BIN = path.join(REPO_DIR, 'bin/vita.js');
const TRIALS = 32;
const tempDir = useTempDirs();

/** Runs `vita build` in `dir` into `out`; with `killAfter`, sends SIGKILL after that many milliseconds. */
function vitaBuild(
  dir: string,
  out: string,
  killAfter?: number,
): Promise<{ code: number | null; ms: number }> {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(
      process.execPath,
      [BIN, 'build', 'cv.yaml', '--out', out, '--offline', '--date', '2024-03-05'],
      {
        cwd: dir,
        stdio: 'ignore',
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    const timer = killAfter === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfter);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, ms: performance.now() - start });
    });
  });
}

/** The outputs of a folder (temporary files left out): name -> bytes. */
function outputs(out: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const name = path.join(prefix, entry.name);
      if (entry.isDirectory()) walk(path.join(folder, entry.name), name);
      else if (!entry.name.includes(TEMP_MARKER))
        files.set(name, readFileSync(path.join(folder, entry.name)));
    }
  };
  walk(out, '');
  return files;
}

let dir: string;
let oldFiles: Map<string, Buffer>;
let newFiles: Map<string, Buffer>;
let buildMs: number;

beforeAll(async () => {
  dir = tempDir();
  cpSync(CORPUS_DIR, dir, { recursive: true });
  const yaml = readFileSync(path.join(dir, 'cv.yaml'), 'utf8');
  // The earlier build: the same CV with another name, so every output that shows the CV differs.
  expect(yaml).toContain('first: Brandon');
  writeFileSync(path.join(dir, 'cv.yaml'), yaml.replace('first: Brandon', 'first: Earlier'));
  expect((await vitaBuild(dir, 'old')).code).toBe(0);
  writeFileSync(path.join(dir, 'cv.yaml'), yaml);
  const reference = await vitaBuild(dir, 'new');
  expect(reference.code).toBe(0);
  buildMs = reference.ms;
  oldFiles = outputs(path.join(dir, 'old'));
  newFiles = outputs(path.join(dir, 'new'));
  expect([...oldFiles.keys()].sort()).toEqual([...newFiles.keys()].sort());
  // The theme is the same file in both; every output that shows the CV differs.
  for (const name of ['cv.md', 'index.html', 'cv.pdf', 'cv.tex', 'cv.json', 'cv-data.json'])
    expect(oldFiles.get(name)?.equals(newFiles.get(name) as Buffer), name).toBe(false);
}, 120_000);

describe(`kill -9 at ${TRIALS} delays over a corpus build`, () => {
  it('leaves every output entirely old or entirely new, none missing, and a PDF that parses', async () => {
    const states: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const out = path.join(dir, `out-${trial}`);
      cpSync(path.join(dir, 'old'), out, { recursive: true });
      // From 0 to twice a whole build (a build's time varies on a busy machine): before reading, while
      // rendering, between renames, after the end.
      const delay = Math.round((buildMs * 2 * trial) / (TRIALS - 1));
      await vitaBuild(dir, `out-${trial}`, delay);
      const after = outputs(out);
      expect([...after.keys()].sort(), `trial ${trial} (${delay} ms)`).toEqual([...oldFiles.keys()].sort());
      let fresh = 0;
      const changing = [...oldFiles].filter(
        ([name, bytes]) => !bytes.equals(newFiles.get(name) as Buffer),
      ).length;
      for (const [name, bytes] of after) {
        const isOld = bytes.equals(oldFiles.get(name) as Buffer);
        const isNew = bytes.equals(newFiles.get(name) as Buffer);
        expect(
          isOld || isNew,
          `trial ${trial} (${delay} ms): ${name} is neither the old nor the new file`,
        ).toBe(true);
        if (isNew && !isOld) fresh++;
      }
      const pdf = after.get('cv.pdf');
      expect(pdf, `trial ${trial}: cv.pdf`).toBeDefined();
      expect((await pdfFlatText(new Uint8Array(pdf as Buffer))).length).toBeGreaterThan(100);
      states.push(fresh === 0 ? 'old' : fresh === changing ? 'new' : 'some new');
      rmSync(out, { recursive: true, force: true });
    }
    console.log(`kill -9 over a ${buildMs.toFixed(0)} ms build: ${states.join(', ')}`);
    // The delays span the build: the first kill leaves the old outputs, later ones new outputs.
    expect(states[0]).toBe('old');
    expect(states.some((state) => state !== 'old')).toBe(true);
  }, 300_000);
});
