// `npm run bench`: measures vita against the budgets of DESIGN.md §4 on this machine, prints a table and
// writes bench/results.json. Run after `npm run build` (the npm script does both).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = path.resolve(root, 'test/fixtures/bamos-cv');
const RUNS = Number(process.env.VITA_BENCH_RUNS ?? 7);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Runs `vita build` as a whole process, `runs` times; returns wall times, peak RSS and stage timings. */
function benchWholeBuild(yaml, extraArgs = []) {
  const work = mkdtempSync(path.join(tmpdir(), 'vita-bench-'));
  const rssFile = path.join(work, 'rss');
  const times = [];
  const rss = [];
  const typstMs = [];
  try {
    for (let i = 0; i < runs(); i++) {
      const start = process.hrtime.bigint();
      const r = spawnSync(
        process.execPath,
        [
          '--import',
          path.join(root, 'bench/rss-reporter.js'),
          path.join(root, 'bin/vita.js'),
          'build',
          yaml,
          '--out',
          path.join(work, 'out'),
          '--offline',
          '--date',
          '2026-01-01',
          '--timings',
          '-q',
          ...extraArgs,
        ],
        { encoding: 'utf8', env: { ...process.env, VITA_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' } },
      );
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (r.status !== 0) throw new Error(`vita build failed (${r.status}):\n${r.stderr}`);
      times.push(ms);
      rss.push(Number(readFileSync(rssFile, 'utf8')));
      const typst = /^typst compile\s+([\d.]+) ms$/m.exec(r.stderr);
      if (typst) typstMs.push(Number(typst[1]));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return {
    median_ms: median(times),
    min_ms: Math.min(...times),
    peak_rss_mb: Math.max(...rss) / 1048576,
    typst_compile_ms: typstMs.length ? median(typstMs) : null,
  };
}

function runs() {
  return RUNS;
}

const results = {
  machine: { cpus: cpus().length, node: process.version },
  date: new Date().toISOString(),
  runs: RUNS,
  cases: {},
};
const rows = [];
const row = (what, value, budget, ok) => rows.push({ what, value, budget, ok });

if (existsSync(path.join(corpusDir, 'cv.yaml'))) {
  // The corpus with its committed enrichment cache (a warm cache, as the budget says).
  const work = mkdtempSync(path.join(tmpdir(), 'vita-bench-corpus-'));
  cpSync(corpusDir, work, { recursive: true });
  const snapshot = path.join(root, 'test/fixtures/corpus-cache');
  if (existsSync(snapshot)) cpSync(snapshot, path.join(work, '.vita-cache'), { recursive: true });
  try {
    const corpus = benchWholeBuild(path.join(work, 'cv.yaml'));
    results.cases.corpus_build = corpus;
    row(
      'corpus build, all targets (whole process, median)',
      `${corpus.median_ms.toFixed(0)} ms`,
      '≤ 500 ms',
      corpus.median_ms <= 500,
    );
    row(
      'corpus build, peak memory',
      `${corpus.peak_rss_mb.toFixed(0)} MB`,
      '≤ 200 MB',
      corpus.peak_rss_mb <= 200,
    );
    if (corpus.typst_compile_ms !== null)
      row('  of which Typst compile (median)', `${corpus.typst_compile_ms.toFixed(0)} ms`, '', true);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
} else {
  console.log(`(corpus not found at ${corpusDir}: corpus cases skipped)`);
}

const optional = async (file, name) => {
  const p = path.join(root, 'bench', file);
  if (!existsSync(p)) return undefined;
  const mod = await import(p);
  return mod[name];
};

const benchPublications = await optional('publications.js', 'benchPublications');
if (benchPublications) {
  const r = await benchPublications();
  results.cases.publications_10k = r;
  row(
    '10,000-entry .bib, load + format (median)',
    `${r.n10k_ms.toFixed(0)} ms`,
    '≤ 2000 ms',
    r.n10k_ms <= 2000,
  );
  row('20,000 vs 10,000 entries, time ratio', r.ratio.toFixed(2), '≤ 2.2', r.ratio <= 2.2);
}

const benchDiagnostics = await optional('diagnostics.js', 'benchDiagnostics');
if (benchDiagnostics) {
  const r = await benchDiagnostics();
  results.cases.diagnostics_10k = r;
  row(
    '10,000 warnings printed, grouped (median)',
    `${r.n10k_ms.toFixed(0)} ms`,
    '< 1000 ms',
    r.n10k_ms < 1000,
  );
  row(
    '10,000 warnings printed, --verbose (median)',
    `${r.n10k_verbose_ms.toFixed(0)} ms`,
    '< 1000 ms',
    r.n10k_verbose_ms < 1000,
  );
  row('20,000 vs 10,000 warnings, time ratio', r.ratio.toFixed(2), '≤ 2.2', r.ratio <= 2.2);
}

const benchWatchRebuild = await optional('watch.js', 'benchWatchRebuild');
if (benchWatchRebuild && existsSync(path.join(corpusDir, 'cv.yaml'))) {
  const r = await benchWatchRebuild(path.join(corpusDir, 'cv.yaml'));
  results.cases.watch_rebuild = r;
  row(
    'watch: one-line edit of the corpus to refreshed preview (median)',
    `${r.preview_median_ms.toFixed(1)} ms`,
    '≤ 50 ms',
    r.preview_median_ms <= 50,
  );
  row('watch: same, until the PDF is rewritten too (median)', `${r.median_ms.toFixed(1)} ms`, '', true);
}

const benchWatchBrowser = await optional('watch-browser.js', 'benchWatchBrowser');
const saveToDom = benchWatchBrowser && (await benchWatchBrowser(path.join(corpusDir, 'cv.yaml')));
if (saveToDom) {
  results.cases.watch_save_to_dom = saveToDom;
  row('watch: save to the edit shown in Chromium (median)', `${saveToDom.median_ms.toFixed(0)} ms`, '', true);
}

const width = Math.max(...rows.map((r) => r.what.length));
console.log(`${'case'.padEnd(width)}  ${'measured'.padStart(10)}  ${'budget'.padEnd(10)}  ok`);
for (const r of rows)
  console.log(
    `${r.what.padEnd(width)}  ${String(r.value).padStart(10)}  ${r.budget.padEnd(10)}  ${r.budget ? (r.ok ? 'yes' : 'NO') : ''}`,
  );
results.table = rows;
writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwrote bench/results.json');
