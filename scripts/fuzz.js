#!/usr/bin/env node
/**
 * `npm run fuzz`: runs the fuzz suite (test/fuzz/) over the built library and prints counts by outcome.
 *
 *   npm run fuzz                              100,000 inputs, seed 1, 2 workers, 5 s per input
 *   npm run fuzz -- --count 500 --seed 7      a small slice
 *   npm run fuzz -- --seed 7 --replay 1234    writes input 1234 of seed 7 to fuzz-input/ and names its mutations
 *   options: --start N, --workers N, --timeout MS, --pdf-every N (0: no PDF), --json (a JSON summary)
 *
 * Exits 1 when any input had a bad outcome (throw, hang, crash, internal, bad-position).
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeInput } from '../test/fuzz/mutate.js';
import { BAD, GOOD, runFuzz } from '../test/fuzz/run.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    start: { type: 'string', default: '0' },
    workers: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '5000' },
    'pdf-every': { type: 'string', default: '10' },
    replay: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const seed = Number(values.seed);

if (values.replay !== undefined) {
  const input = makeInput(seed, Number(values.replay), { pdfEvery: Number(values['pdf-every']) });
  const out = path.resolve('fuzz-input');
  cpSync(input.baseDir, out, { recursive: true });
  for (const [name, bytes] of Object.entries(input.files)) {
    mkdirSync(path.dirname(path.join(out, name)), { recursive: true });
    writeFileSync(path.join(out, name), bytes);
  }
  console.log(`${input.description}\nwritten to ${out}: vita build ${path.join(out, 'cv.yaml')}`);
  process.exit(0);
}

const count = Number(values.count);
let done = 0;
const result = await runFuzz({
  seed,
  count,
  start: Number(values.start),
  workers: Number(values.workers),
  timeoutMs: Number(values.timeout),
  pdfEvery: Number(values['pdf-every']),
  onDone: () => {
    done++;
    if (!values.json && process.stderr.isTTY && done % 100 === 0) process.stderr.write(`\r${done}/${count}`);
  },
});
if (values.json) console.log(JSON.stringify(result));
else {
  if (process.stderr.isTTY) process.stderr.write('\n');
  const kinds = Object.keys(result.byKind).sort();
  const row = (cells) => `| ${cells.join(' | ')} |`;
  console.log(
    `seed ${seed}, inputs ${result.start}..${result.start + count - 1}, ${result.seconds.toFixed(0)} s\n`,
  );
  console.log(row(['outcome', ...kinds, 'all']));
  console.log(row(['---', ...kinds.map(() => '---:'), '---:']));
  for (const outcome of [...GOOD, ...BAD])
    console.log(row([outcome, ...kinds.map((k) => result.byKind[k][outcome]), result.counts[outcome]]));
  console.log(
    `\nslowest: ${result.slowest.ms.toFixed(0)} ms, input ${result.slowest.index} (${result.slowest.description})`,
  );
  console.log(`run again after running out of time once: ${result.retried}`);
  for (const f of result.findings.slice(0, 50))
    console.log(
      `\n${f.outcome}: input ${f.index} (${f.description})\n  ${f.detail.split('\n').slice(0, 6).join('\n  ')}`,
    );
}
process.exit(result.findings.length > 0 ? 1 : 0);
