/**
 * Runs the CLI bundle (one CommonJS file, dist/bundle/cli.cjs) with V8's code cache, kept in the user's cache
 * folder, so a start deserializes the compiled code instead of parsing and compiling ~1.8 MB of JavaScript
 * (docs/architecture.md, "Start-up"). Node's own compile cache (`module.enableCompileCache`) needs Node 22.1;
 * this works from Node 20 on, and on every later version the same way.
 *
 * The cache is V8's, keyed by the bundle's content, the V8 version, the architecture and Node's flags (V8
 * refuses a cache made under other flags). It lives in the user's own cache folder (never a shared temporary
 * folder: a planted cache would be code run by the next start). Nothing here may fail a build: a folder that
 * cannot be read or written only means no cache.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { removeStaleTempFiles, writeFilesAtomically } from '../util/atomic-write.js';

/** The folder of the code cache, or undefined when it is turned off (`VITA_COMPILE_CACHE=0`). */
export function compileCacheDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string | undefined {
  const chosen = env.VITA_COMPILE_CACHE;
  if (chosen !== undefined && chosen !== '') {
    return ['0', 'false', 'off', 'no'].includes(chosen.toLowerCase()) ? undefined : path.resolve(chosen);
  }
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA || (home && path.join(home, 'AppData', 'Local'));
    return local ? path.join(local, 'vita', 'Cache', 'compile') : undefined;
  }
  if (platform === 'darwin')
    return home ? path.join(home, 'Library', 'Caches', 'vita', 'compile') : undefined;
  const base =
    env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)
      ? env.XDG_CACHE_HOME
      : home && path.join(home, '.cache');
  return base ? path.join(base, 'vita', 'compile') : undefined;
}

export interface CachedModule {
  /** What the file put in `module.exports`. */
  readonly exports: unknown;
  /** Where its code cache is (or would be), when caching is on. */
  readonly cacheFile: string | undefined;
  /** Whether V8 used a cache from an earlier run. */
  readonly cacheAccepted: boolean;
  /**
   * Writes the code cache when there was none, V8 refused it, or no earlier run was of this `usage` (a name for
   * what the run did, such as `build md`). Called after the run: the new cache holds the functions this run
   * compiled and those the old cache held, so after a few kinds of runs it holds all of them. Only the newest
   * `KEPT_CACHES` caches are kept.
   */
  saveCache(usage: string): void;
}

/** Loads a CommonJS file like `require`, with V8's code cache kept in `cacheDir` (undefined: no cache). */
export function requireWithCodeCache(file: string, cacheDir: string | undefined): CachedModule {
  const bytes = readFileSync(file);
  // An ASCII file is read as a one-byte string with no UTF-8 decoding to pay (~7 ms instead of ~18 ms here).
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const stem = path.basename(file).replace(/\.[^.]*$/, '');
  const cacheFile =
    cacheDir === undefined
      ? undefined
      : path.join(cacheDir, `${cachePrefix(stem)}${hash(bytes)}-${hash(Buffer.from(flags()))}.bin`);
  let cachedData: Buffer | undefined;
  if (cacheFile !== undefined) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  // The wrapper is on the first line, so line numbers in stack traces are the file's.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData === undefined ? {} : { cachedData }),
    ...(vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER === undefined
      ? {}
      : { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }),
  });
  const cacheAccepted = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as unknown };
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: { exports: unknown },
    filename: string,
    dirname: string,
  ) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return {
    get exports() {
      return module.exports;
    },
    cacheFile,
    cacheAccepted,
    saveCache(usage) {
      if (cacheFile === undefined) return;
      const usagesFile = `${cacheFile}.usages`;
      let usages: string[] = [];
      if (cacheAccepted) {
        try {
          usages = readFileSync(usagesFile, 'utf8').split('\n').filter(Boolean);
        } catch {
          usages = [];
        }
        if (usages.includes(usage)) return;
      }
      writeCache(cacheFile, stem, script, usagesFile, `${[...usages, usage].join('\n')}\n`);
    },
  };
}

/** A cache is only valid for the V8 and the processor that made it. */
const cachePrefix = (stem: string) => `${stem}-${process.versions.v8}-${process.arch}-`;

/** V8 checks only a source's length against its cache: the name holds a hash of the content. */
const hash = (bytes: Buffer) => createHash('sha1').update(bytes).digest('hex').slice(0, 32);

/**
 * V8 refuses a cache made under other flags (`node --inspect`, NODE_OPTIONS): each set of flags has its own
 * cache, so runs that alternate between two do not replace each other's cache on every start.
 */
const flags = () => [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join('\0');

/**
 * How many caches are kept: two installations of vita (a global one and a project's) each have theirs, and
 * using both in turn must not make each replace the other's on every start. The oldest go first.
 */
export const KEPT_CACHES = 6;

function writeCache(
  cacheFile: string,
  stem: string,
  script: vm.Script,
  usagesFile: string,
  usages: string,
): void {
  const dir = path.dirname(cacheFile);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Not flushed to disk: a cache lost to a power cut is made again by the next run.
    writeFilesAtomically(
      [
        { path: cacheFile, contents: script.createCachedData() },
        { path: usagesFile, contents: usages },
      ],
      { durable: false, mode: 0o600 },
    );
  } catch {
    return;
  }
  // Caches beyond the newest KEPT_CACHES (older builds of vita are never read again), and the temporary
  // files of a run that was killed while writing, are removed.
  removeStaleTempFiles([dir]);
  const prefix = cachePrefix(stem);
  try {
    const caches: { name: string; mtime: number }[] = [];
    for (const name of readdirSync(dir)) {
      if (name.startsWith(prefix) && name.endsWith('.bin'))
        caches.push({ name, mtime: statSync(path.join(dir, name)).mtimeMs });
    }
    caches.sort((a, b) => b.mtime - a.mtime);
    for (const { name } of caches.slice(KEPT_CACHES)) {
      if (path.join(dir, name) === cacheFile) continue;
      rmSync(path.join(dir, name), { force: true });
      rmSync(path.join(dir, `${name}.usages`), { force: true });
    }
  } catch {
    // Left for the next run.
  }
}
