// Shared by bench/run.js and the cases in bench/cases/: medians, temporary folders, and whole-process timings
// interleaved with a bare `node -e 0`, so each row can be read as a ratio to a Node start measured in the same
// minute (absolute times on a shared 2-core machine are noisy; the ratio much less so).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const VITA = path.join(ROOT, 'bin/vita.js');
export const CORPUS_DIR = path.join(ROOT, 'test/fixtures/bamos-cv');
export const CORPUS_CACHE = path.join(ROOT, 'test/fixtures/corpus-cache');
const RSS_REPORTER = path.join(ROOT, 'bench/rss-reporter.js');

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** `vita build` of `yaml` into `outDir`, offline, quiet, on a fixed date (reproducible output), then `extra`. */
export const buildArgs = (yaml, outDir, ...extra) => [
  'build',
  yaml,
  '--out',
  outDir,
  '--offline',
  '--date',
  '2026-01-01',
  '-q',
  ...extra,
];

/** A temporary folder, removed when `use` returns or throws. */
export async function withTempDir(prefix, use) {
  const dir = mkdtempSync(path.join(tmpdir(), `vita-bench-${prefix}-`));
  try {
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `node ...args` once; returns wall milliseconds, peak RSS in bytes and the process's stderr. */
function timeProcess(args, env) {
  const rssFile = path.join(tmpdir(), `vita-bench-rss-${process.pid}`);
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', RSS_REPORTER, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env, VITA_BENCH_RSS_FILE: rssFile },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  const rss = Number(readFileSync(rssFile, 'utf8'));
  rmSync(rssFile, { force: true });
  return { ms, rss, stderr: r.stderr };
}

/** Every baseline sample of this run (the table's "node -e 0" row). */
export const baselineSamples = { ms: [], rss: [] };

/**
 * Times `node bin/vita.js ...vitaArgs` `runs` times, each run right after a bare `node -e 0` (both with the
 * same RSS reporter). Returns medians, the ratio of the medians, peak RSS and the stderr of the last run.
 */
export function measureVita(vitaArgs, options = {}) {
  return measureNode([VITA, ...vitaArgs], options);
}

/** `measureVita` for any `node ...args` (a script of the bench, say). */
export function measureNode(args, { runs = 7, warmup = 1, env = {} } = {}) {
  const times = [];
  const base = [];
  const rss = [];
  const baseRss = [];
  let stderr = '';
  for (let i = 0; i < warmup + runs; i++) {
    const b = timeProcess(['-e', '0'], env);
    const v = timeProcess(args, env);
    if (i < warmup) continue;
    base.push(b.ms);
    baseRss.push(b.rss);
    times.push(v.ms);
    rss.push(v.rss);
    stderr = v.stderr;
  }
  baselineSamples.ms.push(...base);
  baselineSamples.rss.push(...baseRss);
  return {
    median_ms: median(times),
    min_ms: Math.min(...times),
    node_ms: median(base),
    ratio: median(times) / median(base),
    peak_rss_mb: Math.max(...rss) / 1048576,
    node_rss_mb: median(baseRss) / 1048576,
    samples_ms: times.map((t) => Math.round(t)),
    stderr,
  };
}

/** The median `node -e 0` so far, measuring a few now when no case has yet. */
export function nodeStartMs() {
  if (baselineSamples.ms.length === 0)
    for (let i = 0; i < 5; i++) baselineSamples.ms.push(timeProcess(['-e', '0'], {}).ms);
  return median(baselineSamples.ms);
}
