// commander's `node:child_process`, loaded only when commander calls it (scripts/lazy-child-process.js): the
// real bundle starts without it, and the stand-in forwards to the real module or stops the bundle.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { lazyChildProcessForCommander } from '../../scripts/lazy-child-process.js';
import { REPO_DIR, useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

/** A preload that writes, at exit, whether the process loaded `child_process`. */
function writeProbe(dir: string): { preload: string; report: string } {
  const preload = path.join(dir, 'probe.cjs');
  const report = path.join(dir, 'loaded.json');
  writeFileSync(
    preload,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify(process.moduleLoadList.includes('NativeModule child_process'))));\n`,
  );
  return { preload, report };
}

/** A stand-in for commander: a file under `commander/` that requires child_process and calls `calls`. */
function bundleFakeCommander(dir: string, calls: string) {
  const lib = path.join(dir, 'node_modules/commander/lib');
  mkdirSync(lib, { recursive: true });
  writeFileSync(
    path.join(lib, 'command.js'),
    `const childProcess = require('node:child_process');\nexports.run = (code) => childProcess.${calls}(process.execPath, ['-e', 'process.exit(' + code + ')']);\n`,
  );
  const entry = path.join(dir, 'entry.js');
  writeFileSync(
    entry,
    `const loadedBefore = process.moduleLoadList.includes('NativeModule child_process');
const child = require('./node_modules/commander/lib/command.js').run(3);
child.on('close', (code) => console.log(JSON.stringify({ loadedBefore, code })));
`,
  );
  return build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: path.join(dir, 'out.cjs'),
    plugins: [lazyChildProcessForCommander],
    logLevel: 'silent',
  });
}

describe('child_process for commander', () => {
  it('is not loaded by a build of the bundled CLI', () => {
    const dir = tempDir();
    const { preload, report } = writeProbe(dir);
    const run = spawnSync(
      process.execPath,
      [
        '-r',
        preload,
        path.join(REPO_DIR, 'bin/vita.js'),
        'build',
        path.join(REPO_DIR, 'examples/seed/cv.yaml'),
        '--out',
        path.join(dir, 'out'),
        '--only',
        'md,html',
        '--offline',
        '--quiet',
      ],
      // The preload is a flag with a new temporary path each run, so a code cache of its own: it stays in the
      // temporary folder instead of taking a place among the caches of the user's `vita` (code-cache.ts).
      { stdio: 'ignore', env: { ...process.env, VITA_COMPILE_CACHE: path.join(dir, 'compile-cache') } },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toBe(false);
  });

  it('is loaded by the stand-in on its first call, which reaches the real spawn', async () => {
    const dir = tempDir();
    await bundleFakeCommander(dir, 'spawn');
    const run = spawnSync(process.execPath, [path.join(dir, 'out.cjs')], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ loadedBefore: false, code: 3 });
  });

  it('stops the bundle when commander calls a function the stand-in does not have', async () => {
    const dir = tempDir();
    await expect(bundleFakeCommander(dir, 'exec')).rejects.toThrow(
      /calls child_process's exec; .* has spawn/,
    );
  });
});
