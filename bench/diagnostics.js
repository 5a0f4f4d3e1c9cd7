// Diagnostics benchmark: printing 10,000 warnings (budget < 1 s, DESIGN.md §4), grouped as the CLI prints
// them by default and listed in full as with `--verbose`, and the same for 20,000 and 40,000 to show it is
// linear. Linearity is checked from 20,000 to 40,000: between 10,000 and 20,000 the arrays of the report
// (the sorted copy, the line index of a 60,000-line file) pass the size above which V8 and malloc take fresh
// memory from the system for each of them, and on this machine fresh memory costs ~2.6 ms a MB in page faults;
// so 20,000 cost 2.8-2.9x 10,000 in 300 reports of each, before and after the line index stopped growing by
// `push` (3.3 and 9.7 ms before, 1.8 and 5.2 ms after), and 40,000 cost 1.85x 20,000 (1.9x in this bench).
// Run after `npm run build` (imports the compiled modules from ../dist); on its own:
//
//   node bench/diagnostics.js
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { reportDiagnostics } from '../dist/cli/report.js';
import { warning } from '../dist/diagnostics/diagnostic.js';

// Runs of a few milliseconds each: with 5, one collection in a run moved the 20k/10k ratio to 2.6 in a full
// bench (six runs of this file alone gave 1.1-2.0); the median of 21 is steadier.
const RUNS = 21;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** A cv.yaml of `count` positions, each with an unknown key, and one warning per unknown key at its place. */
export function generateWarnings(count) {
  const file = 'cv.yaml';
  const lines = ['name: Ada Lovelace', 'positions:'];
  const diagnostics = [];
  for (let i = 0; i < count; i++) {
    lines.push(`  - title: Position ${i}`, '    place: Somewhere', `    unknown_${i}: value`);
    diagnostics.push(
      warning({
        code: 'unknown-key',
        message: `unknown key \`unknown_${i}\` in \`positions[${i}]\``,
        position: { file, line: lines.length, column: 5 },
        hints: ['known keys here: dates, details, location, place, title'],
      }),
    );
  }
  // Some of other kinds, spread over the file, so grouping sees more than one kind.
  for (let i = 0; i < count; i += 50) {
    diagnostics.push(
      warning({
        code: 'markup',
        message: `\`positions[${i}].title\`: unknown LaTeX command \`\\foo${i}\``,
        position: { file, line: 3 + i * 3, column: 12 },
      }),
    );
  }
  return { diagnostics, sources: new Map([[file, `${lines.join('\n')}\n`]]) };
}

/** Prints the diagnostics as the CLI does (into a sink); returns milliseconds and the characters printed. */
function printOnce({ diagnostics, sources }, verbose) {
  let chars = 0;
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chars += chunk.length;
      done();
    },
  });
  const io = { stdout: sink, stderr: sink, env: { NO_COLOR: '1' }, cwd: process.cwd() };
  const start = performance.now();
  reportDiagnostics(io, diagnostics, sources, { verbose });
  return { ms: performance.now() - start, chars };
}

function measure(count, verbose) {
  const input = generateWarnings(count);
  printOnce(input, verbose); // warm-up
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(printOnce(input, verbose).ms);
  return median(times);
}

export async function benchDiagnostics() {
  const n10k_ms = measure(10_000, false);
  const n10k_verbose_ms = measure(10_000, true);
  const n20k_verbose_ms = measure(20_000, true);
  const n40k_verbose_ms = measure(40_000, true);
  return {
    n10k_ms,
    n10k_verbose_ms,
    n20k_verbose_ms,
    n40k_verbose_ms,
    ratio_20k_10k: n20k_verbose_ms / n10k_verbose_ms,
    ratio: n40k_verbose_ms / n20k_verbose_ms,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await benchDiagnostics());
}
