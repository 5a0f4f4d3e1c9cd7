// `npm run bench`: measures vita against its budgets (issue 12, DESIGN.md §4) on this machine, prints a table
// and writes bench/results.json. Run after `npm run build` (the npm script does both).
//
// Every row gives milliseconds and the ratio to a bare `node -e 0` measured in the same run (whole-process
// cases interleave one with each of their runs): on a shared machine the ratio is the number to compare.
//
// Cases live in bench/cases/*.js, each exporting `cases`: [{ id, available?(), run({ runs, quick }) }], where
// `run` resolves to { results: {name: data}, rows: [row] } and a row is
//   { what, ms?, ratio?, value?, budget? (ms, "≤"), strict? ("<"), budgetText?, ok? }.
// A new case is a new file there; nothing here changes.
//
//   node bench/run.js [--only corpus,bib-page] [--quick]     (--quick: no 100,000-entry case)
//   VITA_BENCH_RUNS=7 (runs per whole-process case)
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { baselineSamples, nodeStartMs, ROOT } from './lib.js';

const RUNS = Number(process.env.VITA_BENCH_RUNS ?? 7);
const argv = process.argv.slice(2);
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set(argv[onlyAt + 1]?.split(',')) : undefined;
const quick = argv.includes('--quick');

const casesDir = path.join(ROOT, 'bench/cases');
const all = [];
for (const file of readdirSync(casesDir)
  .filter((f) => f.endsWith('.js'))
  .sort())
  all.push(...(await import(pathToFileURL(path.join(casesDir, file)).href)).cases);

const results = {
  machine: { cpus: cpus().length, node: process.version },
  date: new Date().toISOString(),
  runs: RUNS,
  cases: {},
};
const rows = [];
for (const c of all) {
  if (only && !only.has(c.id)) continue;
  if (c.available && !c.available()) {
    console.log(`(${c.id}: not available here, skipped)`);
    continue;
  }
  const out = await c.run({ runs: RUNS, quick });
  Object.assign(results.cases, out.results);
  rows.push(...out.rows);
}

const node = nodeStartMs();
results.node_e_0 = { median_ms: node, samples: baselineSamples.ms.length };
const table = [
  { what: 'bare `node -e 0` (median; process rows divide by the runs beside them)', ms: node, ratio: 1 },
  ...rows.map((r) => ({ ...r, ratio: r.ratio ?? (r.ms === undefined ? undefined : r.ms / node) })),
].map((r) => {
  const budget = r.budgetText ?? (r.budget === undefined ? '' : `${r.strict ? '<' : '≤'} ${r.budget} ms`);
  const ok = r.ok ?? (r.budget === undefined ? undefined : r.strict ? r.ms < r.budget : r.ms <= r.budget);
  return {
    what: r.what,
    measured: r.value ?? `${r.ms.toFixed(r.ms < 100 ? 1 : 0)} ms`,
    ratio: r.ratio === undefined ? '' : `${r.ratio.toFixed(1)}x`,
    budget,
    ok: ok === undefined ? '' : ok ? 'yes' : 'NO',
  };
});

const width = Math.max(...table.map((r) => r.what.length));
console.log(
  `${'case'.padEnd(width)}  ${'measured'.padStart(10)}  ${'x node'.padStart(7)}  ${'budget'.padEnd(11)}  ok`,
);
for (const r of table)
  console.log(
    `${r.what.padEnd(width)}  ${r.measured.padStart(10)}  ${r.ratio.padStart(7)}  ${r.budget.padEnd(11)}  ${r.ok}`,
  );
results.table = table;
if (only) console.log('\n(--only: bench/results.json left as it was)');
else {
  for (const c of Object.values(results.cases)) delete c?.stderr;
  writeFileSync(path.join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwrote bench/results.json');
}
