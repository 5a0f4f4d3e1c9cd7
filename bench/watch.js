/**
 * Benchmark of watch mode: the median time of a rebuild after a one-line edit of the corpus (a temporary
 * copy), with every target the build has (budget: 50 ms, docs/../shared/DESIGN.md). Run after `npm run build`:
 *
 *   import { benchWatchRebuild } from './watch.js';
 *   const { median_ms, runs } = await benchWatchRebuild('test/fixtures/bamos-cv/cv.yaml');
 *
 * `median_ms` is the rebuild itself (inputs read to outputs written); `end_to_end_median_ms` adds the file
 * system notification and the 50 ms quiet period that gathers an editor's writes.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TARGET_NAMES } from '../dist/render/registry.js';
import { startWatch } from '../dist/watch/index.js';

const WARMUP = 2;
const RUNS = 10;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** One line of the YAML changed on every run: the e-mail address, shown by every target. */
function edit(text, run) {
  const changed = text.replace(/^email:.*$/m, `email: bench-${run}@example.org`);
  return changed === text ? `${text}\n# edit ${run}\n` : changed;
}

export async function benchWatchRebuild(corpusYamlPath) {
  const source = path.resolve(corpusYamlPath);
  const dir = mkdtempSync(path.join(tmpdir(), 'vita-bench-watch-'));
  cpSync(path.dirname(source), dir, { recursive: true });
  const yaml = path.join(dir, path.basename(source));
  const original = readFileSync(yaml, 'utf8');
  const handle = await startWatch({
    files: [yaml],
    outDir: path.join(dir, 'build'),
    targets: TARGET_NAMES,
    now: () => new Date('2024-05-01T00:00:00Z'),
    enrich: { cacheDir: path.join(dir, '.vita-cache'), offline: true, quiet: true },
    port: 0,
  });
  const rebuilds = [];
  const previews = [];
  const endToEnd = [];
  const stages = {};
  try {
    if (!handle.lastBuild().ok) throw new Error(`the first build of ${source} failed`);
    for (let run = 0; run < WARMUP + RUNS; run++) {
      const next = handle.nextBuild();
      const written = performance.now();
      writeFileSync(yaml, edit(original, run));
      const build = await next;
      if (!build.ok)
        throw new Error(`rebuild ${run} failed: ${build.diagnostics.map((d) => d.message).join('; ')}`);
      if (run < WARMUP) continue;
      rebuilds.push(build.ms);
      previews.push(build.previewMs);
      endToEnd.push(performance.now() - written);
      for (const [stage, ms] of Object.entries(build.timings)) {
        if (!stages[stage]) stages[stage] = [];
        stages[stage].push(ms);
      }
    }
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    /** Edit to refreshed preview: the web targets written and the reload sent (the PDF follows). */
    preview_median_ms: Math.round(median(previews) * 10) / 10,
    /** Edit to every target written, the PDF included. */
    median_ms: Math.round(median(rebuilds) * 10) / 10,
    runs: rebuilds.length,
    samples_ms: rebuilds.map((ms) => Math.round(ms * 10) / 10),
    end_to_end_median_ms: Math.round(median(endToEnd) * 10) / 10,
    targets: TARGET_NAMES,
    /** Where the time goes: load (YAML parse + resolve + .bib), enrich, each target (`typst compile` inside pdf). */
    stages_median_ms: Object.fromEntries(
      Object.entries(stages).map(([stage, ms]) => [stage, Math.round(median(ms) * 10) / 10]),
    ),
  };
}
