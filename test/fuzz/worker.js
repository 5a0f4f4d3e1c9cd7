/**
 * One fuzz worker thread: for each input number it is sent, it makes the input (mutate.js), writes it over a
 * fresh copy of its base CV, runs the library's `renderCv` (the built `dist/`, in-process) and answers with
 * the outcome. The main thread (run.js) enforces the time limit: a worker that does not answer in time is
 * terminated, and the input counted as a hang.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { makeInput } from './mutate.js';

const { renderCv } = await import(path.resolve(import.meta.dirname, '../../dist/index.js'));
const root = mkdtempSync(path.join(tmpdir(), 'vita-fuzz-'));
const now = new Date('2024-01-01T00:00:00Z');

/** The offset where each line of `text` starts, computed once per file (a file has up to a million lines). */
const lineStartsCache = new WeakMap();
function lineStartsOf(sources, file) {
  let byFile = lineStartsCache.get(sources);
  if (!byFile) {
    byFile = new Map();
    lineStartsCache.set(sources, byFile);
  }
  let starts = byFile.get(file);
  if (!starts) {
    const text = sources.get(file);
    starts = [0];
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    byFile.set(file, starts);
  }
  return starts;
}

/**
 * A position that cannot be: not whole numbers from 1, or past the end of the file it names (when vita read
 * that file: its text is in `sources`). The column may be one past the end of the line (the line's end).
 */
function impossiblePosition(d, sources) {
  const p = d.position;
  if (!p) return undefined;
  if (!Number.isInteger(p.line) || !Number.isInteger(p.column) || p.line < 1 || p.column < 1)
    return 'not positive';
  const text = sources.get(p.file);
  if (text === undefined) return undefined;
  const starts = lineStartsOf(sources, p.file);
  if (p.line > starts.length) return `line ${p.line} of ${starts.length}`;
  const start = starts[p.line - 1];
  const end = p.line < starts.length ? starts[p.line] - 1 : text.length;
  const length = end - start;
  return p.column > length + 2 ? `column ${p.column} of a line of ${length}` : undefined;
}

async function runOne(index) {
  const input = makeInput(workerData.seed, index, { pdfEvery: workerData.pdfEvery });
  parentPort.postMessage({ type: 'start', index, description: input.description, kind: input.kind });
  const dir = path.join(root, String(index));
  cpSync(input.baseDir, dir, { recursive: true, filter: (src) => !src.includes('.vita-cache') });
  for (const [name, bytes] of Object.entries(input.files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), bytes);
  }
  const start = performance.now();
  let outcome;
  let detail = '';
  try {
    const result = await renderCv({
      files: [path.join(dir, 'cv.yaml')],
      outDir: path.join(dir, 'out'),
      targets: input.pdf ? ['md', 'html', 'pdf', 'tex', 'json'] : ['md', 'html', 'tex', 'json'],
      now,
    });
    const internal = result.diagnostics.find((d) => d.code === 'internal');
    const badPosition = result.diagnostics
      .map((d) => ({ d, why: impossiblePosition(d, result.sources) }))
      .find((x) => x.why !== undefined);
    if (internal) {
      outcome = 'internal';
      detail = internal.message;
    } else if (badPosition) {
      outcome = 'bad-position';
      detail = `${badPosition.d.code} at ${badPosition.d.position.line}:${badPosition.d.position.column}: ${badPosition.why}`;
    } else if (result.diagnostics.some((d) => d.severity === 'error')) outcome = 'errors';
    else if (result.diagnostics.length > 0) outcome = 'warnings';
    else outcome = 'clean';
  } catch (cause) {
    outcome = 'throw';
    detail = String(cause?.stack ?? cause).slice(0, 2000);
  }
  const ms = performance.now() - start;
  rmSync(dir, { recursive: true, force: true });
  parentPort.postMessage({ type: 'done', index, outcome, detail, ms });
}

parentPort.on('message', (message) => {
  if (message.type === 'run') void runOne(message.index);
  if (message.type === 'stop') {
    rmSync(root, { recursive: true, force: true });
    process.exit(0);
  }
});
parentPort.postMessage({ type: 'ready', root });
