import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileCacheDir, KEPT_CACHES, requireWithCodeCache } from '../../src/cli/code-cache.js';
import { TEMP_MARKER } from '../../src/util/atomic-write.js';
import { REPO_DIR } from '../helpers/temp-dir.js';

// V8 keeps every script it compiled in memory and reuses it before it looks at a code cache: whether a cache
// is accepted shows only in a new process, which runs the compiled module as bin/vita.js does.
const compiled = path.join(REPO_DIR, 'dist/cli/code-cache.js');

let work: string;
let cacheDir: string;
let file: string;

beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'vita-code-cache-'));
  cacheDir = path.join(work, 'cache');
  file = path.join(work, 'bundle.cjs');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** A CommonJS file with a few functions worth caching; `answer` is what its exported function returns. */
function writeBundle(answer: number, extra = ''): void {
  writeFileSync(
    file,
    `const path = require('node:path');
exports.answer = function answer() { return ${answer}; };
exports.where = function where() { return [__filename, path.basename(__dirname)]; };
exports.fail = function fail() { throw new Error('here'); };
exports.text = '${extra}';
`,
  );
}

const cacheFiles = () =>
  readdirSync(cacheDir)
    .filter((name) => name.endsWith('.bin'))
    .sort();

interface Run {
  readonly accepted: boolean;
  readonly answer: number;
  readonly cacheFile: string;
}

/** Loads the file in a new process, as bin/vita.js does, and saves the cache for `usage`. */
function runInNewProcess(usage: string, nodeFlags: readonly string[] = []): Run {
  // A file, not `node -e`: the flags, which are part of the cache's key, would then hold the script.
  const runner = path.join(work, 'runner.mjs');
  writeFileSync(
    runner,
    `import { requireWithCodeCache } from ${JSON.stringify(pathToFileURL(compiled).href)};
const loaded = requireWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cacheDir)});
const run = { accepted: loaded.cacheAccepted, answer: loaded.exports.answer(), cacheFile: loaded.cacheFile };
loaded.saveCache(process.argv[2]);
console.log(JSON.stringify(run));
`,
  );
  const child = spawnSync(process.execPath, [...nodeFlags, runner, usage], { encoding: 'utf8' });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  return JSON.parse(child.stdout) as Run;
}

describe.skipIf(!existsSync(compiled))('requireWithCodeCache, from one process to the next', () => {
  it('reuses the cache written after the first run', () => {
    writeBundle(42);
    const first = runInNewProcess('build');
    expect(first).toMatchObject({ accepted: false, answer: 42 });
    expect(cacheFiles()).toHaveLength(1);
    expect(readFileSync(`${first.cacheFile}.usages`, 'utf8')).toBe('build\n');
    expect(runInNewProcess('build')).toMatchObject({ accepted: true, answer: 42 });
  });

  it('writes the cache again only for a kind of run it has not seen', () => {
    writeBundle(1);
    const { cacheFile } = runInNewProcess('build');
    const written = statSync(cacheFile).mtimeMs;
    expect(runInNewProcess('build').accepted).toBe(true);
    expect(statSync(cacheFile).mtimeMs).toBe(written);

    expect(runInNewProcess('build md').accepted).toBe(true);
    expect(readFileSync(`${cacheFile}.usages`, 'utf8')).toBe('build\nbuild md\n');
    expect(runInNewProcess('build md').accepted).toBe(true);
  });

  it('never uses the cache of another file of the same length, and keeps both', () => {
    // V8 compares only the length of the source with the cache's: the content must be part of the key.
    writeBundle(1);
    runInNewProcess('build');
    writeBundle(2);
    expect(runInNewProcess('build')).toMatchObject({ accepted: false, answer: 2 });
    expect(cacheFiles()).toHaveLength(2);
    // Two installations of vita used in turn keep their own caches.
    writeBundle(1);
    expect(runInNewProcess('build')).toMatchObject({ accepted: true, answer: 1 });
    writeBundle(2);
    expect(runInNewProcess('build')).toMatchObject({ accepted: true, answer: 2 });
  });

  it(`keeps the newest ${KEPT_CACHES} caches and removes older ones`, () => {
    const made: string[] = [];
    for (let answer = 10; answer < 12 + KEPT_CACHES; answer++) {
      writeBundle(answer);
      const { cacheFile } = runInNewProcess('build');
      made.push(path.basename(cacheFile));
      // Older than the next one, whatever the resolution of the file system's clock.
      const age = new Date(Date.now() - (12 + KEPT_CACHES - answer) * 60_000);
      utimesSync(cacheFile, age, age);
    }
    expect(cacheFiles()).toEqual(made.slice(-KEPT_CACHES).sort());
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.usages'))).toHaveLength(KEPT_CACHES);
  });

  it('keeps one cache per set of Node flags, which V8 would refuse for the other', () => {
    writeBundle(8);
    const flags = ['--stack-size=900'];
    expect(runInNewProcess('build').accepted).toBe(false);
    expect(runInNewProcess('build', flags).accepted).toBe(false);
    expect(cacheFiles()).toHaveLength(2);
    expect(runInNewProcess('build').accepted).toBe(true);
    expect(runInNewProcess('build', flags).accepted).toBe(true);
  });

  it('removes what a run killed while writing left behind', () => {
    writeBundle(9);
    const { cacheFile } = runInNewProcess('build');
    // The temporary name util/atomic-write.ts gives, of a process that is gone.
    writeFileSync(`${cacheFile}${TEMP_MARKER}99999999-0badcafe`, 'half a cache');
    runInNewProcess('build md');
    expect(readdirSync(cacheDir).filter((name) => name.includes(TEMP_MARKER))).toEqual([]);
  });

  it('runs as usual from a damaged cache, and replaces it', () => {
    writeBundle(7);
    const { cacheFile } = runInNewProcess('build');
    writeFileSync(cacheFile, Buffer.from('not a V8 code cache at all'));
    expect(runInNewProcess('build')).toMatchObject({ accepted: false, answer: 7 });
    expect(runInNewProcess('build')).toMatchObject({ accepted: true, answer: 7 });
  });
});

describe('requireWithCodeCache', () => {
  it('runs the file like require', () => {
    writeBundle(42);
    const exports = requireWithCodeCache(file, cacheDir).exports as {
      answer: () => number;
      where: () => string[];
    };
    expect(exports.answer()).toBe(42);
    expect(exports.where()).toEqual([file, path.basename(work)]);
  });

  it('runs with no cache when its folder cannot be made, and says nothing', () => {
    writeBundle(3);
    writeFileSync(cacheDir, 'a file where the folder would be');
    const loaded = requireWithCodeCache(file, cacheDir);
    expect(() => loaded.saveCache('build')).not.toThrow();
    expect((loaded.exports as { answer: () => number }).answer()).toBe(3);
    expect(readdirSync(work).sort()).toEqual(['bundle.cjs', 'cache']);
  });

  it('runs with no cache at all when turned off', () => {
    writeBundle(4);
    const loaded = requireWithCodeCache(file, undefined);
    loaded.saveCache('build');
    expect(loaded.cacheFile).toBeUndefined();
    expect((loaded.exports as { answer: () => number }).answer()).toBe(4);
    expect(readdirSync(work)).toEqual(['bundle.cjs']);
  });

  it('reads a file that is not ASCII as UTF-8, and keeps its line numbers in stack traces', () => {
    writeBundle(5, 'Gödel – 😀');
    const loaded = requireWithCodeCache(file, cacheDir).exports as { text: string; fail: () => void };
    expect(loaded.text).toBe('Gödel – 😀');
    try {
      loaded.fail();
      expect.unreachable();
    } catch (error) {
      expect((error as Error).stack).toContain(`${file}:4:`);
    }
  });
});

describe('compileCacheDir', () => {
  const home = '/home/ada';
  it('is the user cache folder of each platform', () => {
    expect(compileCacheDir({}, 'linux', home)).toBe('/home/ada/.cache/vita/compile');
    expect(compileCacheDir({ XDG_CACHE_HOME: '/var/cache/ada' }, 'linux', home)).toBe(
      '/var/cache/ada/vita/compile',
    );
    // A relative XDG_CACHE_HOME is invalid by the XDG rules and ignored.
    expect(compileCacheDir({ XDG_CACHE_HOME: 'cache' }, 'linux', home)).toBe('/home/ada/.cache/vita/compile');
    expect(compileCacheDir({}, 'darwin', home)).toBe('/home/ada/Library/Caches/vita/compile');
    expect(compileCacheDir({ LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, 'win32', home)).toBe(
      path.join('C:\\Users\\ada\\AppData\\Local', 'vita', 'Cache', 'compile'),
    );
  });

  it('is the folder VITA_COMPILE_CACHE names, or none when it says off', () => {
    expect(compileCacheDir({ VITA_COMPILE_CACHE: '/tmp/vc' }, 'linux', home)).toBe('/tmp/vc');
    for (const off of ['0', 'false', 'off', 'no', 'OFF']) {
      expect(compileCacheDir({ VITA_COMPILE_CACHE: off }, 'linux', home)).toBeUndefined();
    }
    expect(compileCacheDir({}, 'linux', '')).toBeUndefined();
  });
});
